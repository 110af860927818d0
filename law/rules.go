package law

import "prava/record"

// Unit is how a term is counted.
type Unit int

// The units terms are counted in.
const (
	CalendarDays Unit = iota
	WorkingDays
	Months
)

// Term is a length of time: 1 month, 30 calendar days, 10 working days.
// A zero term means the law sets no deadline.
type Term struct {
	N    int
	Unit Unit
}

// Rule is what one regime says about one kind of request.
type Rule struct {
	Articles string // what a letter cites, in English: "GDPR Art. 15"
	Term     Term   // how long the company has, from receipt
	// Extended is the whole time the company may take after a valid
	// extension, counted from receipt like Term; nil when it may not extend.
	Extended      *Term
	ExtensionNeed string // what a valid extension needs, in words
	// Statutory is false where the law sets no deadline and the date is
	// the one the letter asks for (Ukrainian erasure, a reminder's term).
	Statutory bool
	Basis     string // the source of the deadline: "GDPR Art. 12(3)"
	Interim   *Term  // an earlier answer the law asks for (UA access)
	// InterimNeed says what the interim answer is.
	InterimNeed string
}

// Counting says how a regime counts its terms.
type Counting int

// The counting rules of LEGAL.md §3.
const (
	// CountEU is Regulation 1182/71: months end on the same date, or the
	// month's last day; a last day that is not a working day of the member
	// state moves to the next working day.
	CountEU Counting = iota
	// CountUA is the Civil Code of Ukraine Art. 253–254: from the day after
	// receipt; a last day off moves to the next working day; under martial
	// law public holidays are working days.
	CountUA
	// CountRU is the Civil Code of Russia Art. 191–193 with working days of
	// the production calendar.
	CountRU
	// CountCalendar counts plain calendar days with no roll-over.
	CountCalendar
)

// Regime is one body of data-protection law.
type Regime struct {
	Name     string // "GDPR", "Law of Ukraine No. 2297-VI"
	Title    string // the law's full title in English
	Counting Counting
	Rules    map[record.Kind]Rule
}

var (
	oneMonth     = Term{1, Months}
	threeMonths  = Term{3, Months}
	thirtyDays   = Term{30, CalendarDays}
	fourteenDays = Term{14, CalendarDays}
)

// gdprRule is the Art. 12(3) clock shared by the rights of Art. 15–22.
func gdprRule(articles string) Rule {
	return Rule{
		Articles: articles, Term: oneMonth, Extended: &threeMonths, Statutory: true, Basis: "GDPR Art. 12(3)",
		ExtensionNeed: "the company must tell you within the first month, with its reasons (the complexity or number of requests)",
	}
}

// reminderRule is the final term a reminder sets: common practice, not law.
var reminderRule = Rule{Articles: "", Term: fourteenDays, Statutory: false, Basis: "the final term the reminder sets"}

// replyRule is the term a reply to a refusal sets: the original request's
// statutory clock keeps running, so the reply asks for a short answer but
// claims no statutory term of its own.
var replyRule = Rule{Articles: "", Term: fourteenDays, Statutory: false, Basis: "the term the reply asks for; the request's own deadline still runs"}

// GDPR is Regulation (EU) 2016/679 (LEGAL.md §2–3).
var GDPR = &Regime{
	Name:     "GDPR",
	Title:    "Regulation (EU) 2016/679 (General Data Protection Regulation)",
	Counting: CountEU,
	Rules: map[record.Kind]Rule{
		record.Access:         gdprRule("GDPR Art. 15"),
		record.Erasure:        gdprRule("GDPR Art. 17"),
		record.Withdrawal:     gdprRule("GDPR Art. 7(3) and Art. 17(1)(b)"),
		record.Rectification:  gdprRule("GDPR Art. 16"),
		record.Objection:      gdprRule("GDPR Art. 21"),
		record.Restriction:    gdprRule("GDPR Art. 18"),
		record.Portability:    gdprRule("GDPR Art. 20"),
		record.Reminder:       reminderRule,
		record.ReplyToRefusal: replyRule,
		record.Complaint:      {Articles: "GDPR Art. 77", Term: threeMonths, Statutory: true, Basis: "GDPR Art. 78(2)"},
	},
}

// uaRequested is the 30-day term a Ukrainian letter asks for where
// 2297-VI sets none: the access term, and the one-month limit of the Law on
// Citizens' Appeals Art. 20. (verify: LEGAL.md marks "no deadline" so.)
func uaRequested(articles string) Rule {
	return Rule{Articles: articles, Term: thirtyDays, Statutory: false, Basis: "no term in Law 2297-VI; the letter asks for 30 days, as for access"}
}

// UA is the Law of Ukraine No. 2297-VI, treated as in force (LEGAL.md §1:
// draft law No. 8153 would replace it; verify).
var UA = &Regime{
	Name:     "Law of Ukraine No. 2297-VI",
	Title:    "Law of Ukraine No. 2297-VI \"On Personal Data Protection\"",
	Counting: CountUA,
	Rules: map[record.Kind]Rule{
		record.Access: {
			Articles: "Law 2297-VI Art. 8 part 2 items 1–4, 12 and 13, Art. 16, Art. 17 part 1, Art. 19 part 1", Term: thirtyDays, Statutory: true,
			Basis: "Law 2297-VI Art. 16 part 5", Interim: &Term{10, WorkingDays},
			InterimNeed: "to tell you whether your request will be met",
		},
		record.Erasure:        uaRequested("Law 2297-VI Art. 8 part 2 item 6, Art. 15"),
		record.Withdrawal:     uaRequested("Law 2297-VI Art. 8 part 2 item 11"),
		record.Rectification:  uaRequested("Law 2297-VI Art. 8 part 2 item 6, Art. 20"),
		record.Objection:      uaRequested("Law 2297-VI Art. 8 part 2 item 5"),
		record.Reminder:       reminderRule,
		record.ReplyToRefusal: replyRule,
		record.Complaint: {
			Articles: "Law 2297-VI Art. 8 part 2 item 8", Term: oneMonth, Extended: &Term{45, CalendarDays}, Statutory: true,
			Basis: "Law of Ukraine on Citizens' Appeals Art. 20", ExtensionNeed: "the Commissioner must tell you, with reasons",
		},
	},
}

// RU is Federal Law No. 152-FZ as amended by 266-FZ (LEGAL.md §3).
var RU = &Regime{
	Name:     "Federal Law No. 152-FZ",
	Title:    "Federal Law of 27.07.2006 No. 152-FZ \"On Personal Data\"",
	Counting: CountRU,
	Rules: map[record.Kind]Rule{
		record.Access: {
			Articles: "152-FZ Art. 14, Art. 20 parts 1–2", Term: Term{10, WorkingDays}, Extended: &Term{15, WorkingDays}, Statutory: true,
			Basis: "152-FZ Art. 14 part 3 and Art. 20 part 1", ExtensionNeed: "the operator must send you a reasoned notice",
		},
		record.Rectification: {Articles: "152-FZ Art. 14 part 1, Art. 20 part 3", Term: Term{7, WorkingDays}, Statutory: true, Basis: "152-FZ Art. 20 part 3"},
		record.Erasure: {
			Articles: "152-FZ Art. 14 part 1, Art. 20 part 3, Art. 21 parts 3–5.1", Term: Term{10, WorkingDays}, Extended: &Term{15, WorkingDays},
			Statutory: true, Basis: "152-FZ Art. 21 part 5.1", ExtensionNeed: "the operator must send you a reasoned notice",
		},
		record.Withdrawal: {Articles: "152-FZ Art. 9 part 2, Art. 21 part 5", Term: thirtyDays, Statutory: true, Basis: "152-FZ Art. 21 part 5"},
		record.Objection: {
			Articles: "152-FZ Art. 21 part 5.1, Art. 15 part 2", Term: Term{10, WorkingDays}, Extended: &Term{15, WorkingDays}, Statutory: true,
			Basis: "152-FZ Art. 21 part 5.1", ExtensionNeed: "the operator must send you a reasoned notice",
		},
		// Art. 21 part 1 orders blocking from the moment of the request and
		// gives no term for the answer; the letter asks for the erasure term.
		// (verify)
		record.Restriction:    {Articles: "152-FZ Art. 21 part 1", Term: Term{10, WorkingDays}, Statutory: false, Basis: "no term in 152-FZ Art. 21 part 1; the letter asks for 10 working days"},
		record.Reminder:       reminderRule,
		record.ReplyToRefusal: replyRule,
		record.Complaint: {
			Articles: "152-FZ Art. 17 part 2", Term: thirtyDays, Extended: &Term{60, CalendarDays}, Statutory: true,
			Basis: "Federal Law No. 59-FZ Art. 12", ExtensionNeed: "Roskomnadzor must tell you",
		},
	},
}

// USCA is the CCPA as amended by the CPRA. LEGAL.md names the law but not
// its terms; the 45 days (+45) of Cal. Civ. Code §1798.130(a)(2) and the 15
// business days for opting out (Cal. Code Regs. tit. 11 §7026) are from the
// statute and regulations as published. (verify)
var USCA = &Regime{
	Name:     "CCPA",
	Title:    "California Consumer Privacy Act, Cal. Civ. Code §1798.100 ff., as amended by the CPRA",
	Counting: CountCalendar,
	Rules: map[record.Kind]Rule{
		record.Access:         ccpaRule("Cal. Civ. Code §1798.110"),
		record.Erasure:        ccpaRule("Cal. Civ. Code §1798.105"),
		record.Rectification:  ccpaRule("Cal. Civ. Code §1798.106"),
		record.Portability:    ccpaRule("Cal. Civ. Code §1798.100(d), §1798.130(a)(3)"),
		record.Objection:      {Articles: "Cal. Civ. Code §1798.120", Term: Term{15, WorkingDays}, Statutory: true, Basis: "Cal. Code Regs. tit. 11 §7026(f)"},
		record.Withdrawal:     {Articles: "Cal. Civ. Code §1798.120", Term: Term{15, WorkingDays}, Statutory: true, Basis: "Cal. Code Regs. tit. 11 §7026(f)"},
		record.Reminder:       reminderRule,
		record.ReplyToRefusal: replyRule,
		record.Complaint:      {Articles: "Cal. Civ. Code §1798.199.45", Term: Term{}, Statutory: false, Basis: "the CCPA sets the agency no term"},
	},
}

func ccpaRule(articles string) Rule {
	return Rule{
		Articles: articles, Term: Term{45, CalendarDays}, Extended: &Term{90, CalendarDays}, Statutory: true,
		Basis: "Cal. Civ. Code §1798.130(a)(2)", ExtensionNeed: "the business must tell you within the first 45 days",
	}
}

// Granted lists the kinds a regime knows, in the order of Kinds.
func (r *Regime) Granted() []record.Kind {
	var out []record.Kind
	for _, k := range record.Kinds {
		if _, ok := r.Rules[k]; ok {
			out = append(out, k)
		}
	}
	return out
}
