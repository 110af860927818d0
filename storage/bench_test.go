package storage

import (
	"fmt"
	"os"
	"path/filepath"
	"prava/record"
	"strings"
	"testing"
	"time"
)

// bigVault makes a vault with 10,000 companies and 50,000 requests, each
// about the size a real one has: a company with two contacts, markings,
// notes and its policy's findings; a request with a one-page letter.
// It is written once per test process: making it takes far longer than
// opening it, and every benchmark only reads it or saves it unchanged.
func bigVault(b testing.TB) (string, Keyring) {
	b.Helper()
	if bigPath == "" {
		path := os.Getenv("PRAVA_BIG_VAULT")
		if path == "" {
			dir, err := os.MkdirTemp("", "prava-big-")
			if err != nil {
				b.Fatal(err)
			}
			defer func() {
				if bigPath == "" { // skipped or failed: nothing to keep
					os.RemoveAll(dir)
				}
			}()
			path = filepath.Join(dir, "big.vault")
		}
		bigPath = writeBigVault(b, path)
	}
	return bigPath, SystemKeyring{}
}

var bigPath string

// TestMain removes the big vault's folder and key after the run, unless
// it was asked for at $PRAVA_BIG_VAULT.
func TestMain(m *testing.M) {
	code := m.Run()
	if bigPath != "" && os.Getenv("PRAVA_BIG_VAULT") == "" {
		if info, err := Inspect(bigPath, nil); err == nil {
			SystemKeyring{}.Delete(keyringService, info.ID)
		}
		os.RemoveAll(filepath.Dir(bigPath))
	}
	os.Exit(code)
}

// TestWriteBigVault leaves the big vault at $PRAVA_BIG_VAULT, with its key
// in the keyring, for timing the command line against it:
//
//	PRAVA_BIG_VAULT=/tmp/big.vault go test -run TestWriteBigVault ./storage
//	time prava --vault /tmp/big.vault company add policy.txt
func TestWriteBigVault(t *testing.T) {
	if os.Getenv("PRAVA_BIG_VAULT") == "" {
		t.Skip("writes the big vault only when asked")
	}
	bigVault(t)
}

func writeBigVault(b testing.TB, path string) string {
	k := SystemKeyring{}
	if err := k.Set(keyringService, "bench-probe", "x"); err != nil {
		b.Skipf("no keyring (%v): run inside scripts/with-keyring.sh", err)
	}
	k.Delete(keyringService, "bench-probe")
	v, _, err := Create(path, CreateOptions{Keyring: k})
	if err != nil {
		b.Fatal(err)
	}
	fillVault(v.Data, 10_000, 50_000)
	if err := v.Save(); err != nil {
		b.Fatal(err)
	}
	v.Close()
	return path
}

// fillVault adds companies and requests like a real person's to d: the
// big vault's records, in any number.
func fillVault(d *record.Data, companies, requests int) {
	now := time.Now().UTC()
	findings := []byte(`{"language":"uk","jurisdiction":"UA","controller":"ТОВ «Приклад»","emails":["privacy@example.com.ua"],"addresses":["01001, м. Київ, вул. Хрещатик, 22"],"response_days":30,"markings":{"access":"Запит на доступ"}}`)
	// A real one-page letter (about 2.3 KB of UTF-8), made different for
	// every request so that compression gains no more than it would on
	// real letters.
	for i := 0; i < companies; i++ {
		id := record.NewID()
		d.Companies = append(d.Companies, record.Company{
			ID: id, Name: "Company " + id, LegalName: "ТОВ «Компанія " + id + "»", Jurisdiction: "UA", Language: "uk",
			Contacts: []record.Contact{{Kind: record.ByEmail, Value: "privacy@" + id + ".example"}, {Kind: record.ByPost, Value: "01001, м. Київ, вул. Хрещатик, 22"}},
			Use:      map[string]int{"access": 0, "erasure": 0}, Markings: map[string]string{"access": "Запит на доступ"}, PromisedDays: 30,
			Notes: "Customer since 2019.", Created: now, Updated: now,
			Policies: []record.PolicySnapshot{{Source: "https://" + id + ".example/privacy", Retrieved: now, SHA256: strings.Repeat("ab", 32), Findings: findings}},
		})
	}
	for i := 0; i < requests; i++ {
		c := d.Companies[i%len(d.Companies)]
		d.Requests = append(d.Requests, record.Request{
			ID: record.NewID(), CompanyID: c.ID, Kind: "access", Language: "uk", Law: "UA", Reference: d.NextReference(now),
			Channel: "email", Contact: c.Contacts[0].Value, LetterText: record.NewText(sampleLetter(i, c.LegalName)), Status: record.StatusSent,
			Dates: record.Dates{Created: now, Sent: now},
		})
	}
}

// sampleLetter is a Ukrainian access request with details that differ
// from letter to letter.
func sampleLetter(i int, company string) string {
	day, month := 1+i%28, 1+i%12
	r := strings.NewReplacer(
		"{i}", fmt.Sprint(i), "{company}", company, "{house}", fmt.Sprint(1+i%150), "{flat}", fmt.Sprint(1+i%300),
		"{phone}", fmt.Sprintf("%07d", i), "{ref}", fmt.Sprintf("%05d", i), "{customer}", fmt.Sprint(1000000+i*7919%9000000),
		"{date}", fmt.Sprintf("%02d.%02d.2026", day, month), "{passport}", fmt.Sprintf("%06d", i*104729%1000000),
	)
	return r.Replace(`Кому: {company}
01001, м. Київ, вул. Хрещатик, буд. {house}
Від кого: Іванна Петренко-{i}, 79000, м. Львів, вул. Городоцька, буд. {house}, кв. {flat}
тел. +38067{phone}, ел. пошта ivanna{i}@example.org

ЗАПИТ щодо доступу до персональних даних № PRAVA-2026-{ref}

Відповідно до пунктів 3 і 4 частини другої статті 8 та статті 16 Закону України «Про захист персональних даних» прошу повідомити, чи обробляє {company} мої персональні дані, і надати мені: копію всіх моїх персональних даних, які ви обробляєте; мету та правові підстави їх обробки; перелік третіх осіб, яким їх передано; строк їх зберігання; джерело, з якого їх отримано; відомості про автоматизоване ухвалення рішень і про передачу даних за кордон.
Мій номер клієнта: {customer}. Прошу надати відповідь безоплатно (частина перша статті 19 Закону) в електронній формі на адресу ivanna{i}@example.org протягом тридцяти календарних днів від дня отримання цього запиту, тобто не пізніше {date}.
Додатки: копія паспорта громадянина України серії КС №{passport}.

{date}                    ____________ (підпис)   Іванна ПЕТРЕНКО-{i}`)
}

func BenchmarkOpenBigVault(b *testing.B) {
	path, k := bigVault(b)
	b.ResetTimer()
	for b.Loop() {
		v, err := Open(path, Unlock{}, k)
		if err != nil {
			b.Fatal(err)
		}
		v.Close()
	}
	b.StopTimer()
	inuse, live := heapHeldByOpen(b, path, k)
	b.ReportMetric(float64(inuse)/(1<<20), "heap-inuse-MB")
	b.ReportMetric(float64(live)/(1<<20), "heap-live-MB")
}

func BenchmarkSaveBigVault(b *testing.B) {
	path, k := bigVault(b)
	v, err := Open(path, Unlock{}, k)
	if err != nil {
		b.Fatal(err)
	}
	defer v.Close()
	b.ResetTimer()
	for b.Loop() {
		if err := v.Save(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAddCompanyBigVault is the storage side of "prava company add":
// open without the requests, add a company, save.
func BenchmarkAddCompanyBigVault(b *testing.B) {
	path, k := bigVault(b)
	b.ResetTimer()
	for b.Loop() {
		v, err := OpenWithoutRequests(path, Unlock{}, k)
		if err != nil {
			b.Fatal(err)
		}
		v.Data.Companies = append(v.Data.Companies, record.Company{ID: record.NewID(), Name: "Added"})
		v.Data.Log("company added", "", "", "")
		if err := v.Save(); err != nil {
			b.Fatal(err)
		}
		v.Close()
	}
}
