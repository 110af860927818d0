package law

import "time"

// Holiday calendars written as data, where github.com/rickar/cal has none
// (Estonia) or does not follow the law closely enough (Ukraine's 2023
// changes, Russia's production calendar). Each names its source.

// estonia follows the Public Holidays and Days of National Importance Act
// (Pühade ja tähtpäevade seadus) §2. Estonian holidays on a weekend are
// not moved.
var estonia = dataCalendar{holidays: []holiday{
	{name: "uusaasta", month: time.January, day: 1},
	{name: "iseseisvuspäev", month: time.February, day: 24},
	{name: "suur reede", easter: true, day: -2},
	{name: "lihavõttepühade 1. püha", easter: true, day: 0},
	{name: "kevadpüha", month: time.May, day: 1},
	{name: "nelipühade 1. püha", easter: true, day: 49},
	{name: "võidupüha", month: time.June, day: 23},
	{name: "jaanipäev", month: time.June, day: 24},
	{name: "taasiseseisvumispäev", month: time.August, day: 20},
	{name: "jõululaupäev", month: time.December, day: 24},
	{name: "esimene jõulupüha", month: time.December, day: 25},
	{name: "teine jõulupüha", month: time.December, day: 26},
}}

// ukraine is the Labour Code of Ukraine Art. 73 as amended by Law
// No. 3088-IX (2023): Christmas on 25 December and no longer on 7 January,
// 8 May as the Day of Remembrance and Victory, Statehood Day on 15 July.
// A holiday on a weekend gives the next working day off (Art. 67). It
// applies only when the martial-law setting is off: under martial law
// (Law No. 2136-IX) holidays are working days. (verify)
var ukraine = dataCalendar{holidays: []holiday{
	{name: "Новий рік", month: time.January, day: 1, moveToNext: true},
	{name: "Міжнародний жіночий день", month: time.March, day: 8, moveToNext: true},
	{name: "Великдень", orthodox: true, day: 0, moveToNext: true},
	{name: "Трійця", orthodox: true, day: 49, moveToNext: true},
	{name: "День праці", month: time.May, day: 1, moveToNext: true},
	{name: "День пам'яті та перемоги", month: time.May, day: 8, moveToNext: true},
	{name: "День Конституції", month: time.June, day: 28, moveToNext: true},
	{name: "День Української Державності", month: time.July, day: 15, moveToNext: true},
	{name: "День Незалежності", month: time.August, day: 24, moveToNext: true},
	{name: "День захисників і захисниць", month: time.October, day: 1, moveToNext: true},
	{name: "Різдво Христове", month: time.December, day: 25, moveToNext: true},
}}

// russia is the production calendar: the holidays of the Labour Code
// Art. 112, a holiday on a weekend moving to the next working day, and the
// yearly government decree that moves the New Year holidays' weekend days
// and swaps some others. The decrees for 2025 (No. 1335 of 04.10.2024) and
// 2026 are entered below; later years need their decree added here.
// (verify each year, as LEGAL.md §3 says)
var russia = dataCalendar{
	holidays: []holiday{
		{name: "Новогодние каникулы", month: time.January, day: 1},
		{name: "Новогодние каникулы", month: time.January, day: 2},
		{name: "Новогодние каникулы", month: time.January, day: 3},
		{name: "Новогодние каникулы", month: time.January, day: 4},
		{name: "Новогодние каникулы", month: time.January, day: 5},
		{name: "Новогодние каникулы", month: time.January, day: 6},
		{name: "Рождество Христово", month: time.January, day: 7},
		{name: "Новогодние каникулы", month: time.January, day: 8},
		{name: "День защитника Отечества", month: time.February, day: 23, moveToNext: true},
		{name: "Международный женский день", month: time.March, day: 8, moveToNext: true},
		{name: "Праздник Весны и Труда", month: time.May, day: 1, moveToNext: true},
		{name: "День Победы", month: time.May, day: 9, moveToNext: true},
		{name: "День России", month: time.June, day: 12, moveToNext: true},
		{name: "День народного единства", month: time.November, day: 4, moveToNext: true},
	},
	extraOff: map[string]string{
		// 2025: 4 January (Sat) → 2 May, 5 January (Sun) → 31 December,
		// 1 November (Sat, made a working day) → 3 November.
		"2025-05-02": "a day off moved from 4 January by the government decree",
		"2025-12-31": "a day off moved from 5 January by the government decree",
		"2025-11-03": "a day off moved from 1 November by the government decree",
		// 2026: 3 January (Sat) → 9 January, 4 January (Sun) → 31 December.
		"2026-01-09": "a day off moved from 3 January by the government decree",
		"2026-12-31": "a day off moved from 4 January by the government decree",
	},
	extraWork: map[string]bool{
		"2025-11-01": true, // a Saturday worked in exchange for 3 November
	},
	movedByDecree: map[string]bool{"Новогодние каникулы": true, "Рождество Христово": true},
}
