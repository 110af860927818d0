package policy

import "strings"

// Rights a policy can list, in the order of GDPR Art. 15–22 and 77.
const (
	RightAccess        = "access"
	RightRectification = "rectification"
	RightErasure       = "erasure"
	RightRestriction   = "restriction"
	RightPortability   = "portability"
	RightObjection     = "objection"
	RightWithdrawal    = "withdrawal"
	RightAutomated     = "automated_decisions"
	RightComplaint     = "complaint"
)

// rightStems are the phrases that name each right.
var rightStems = []struct {
	right string
	stems []string
}{
	{RightAccess, []string{"right of access", "right to access", "access your", "на доступ", "доступ до", "доступ к", "piekļuv", "prieigos teis", "susipažinti", "auskunftsrecht", "recht auf auskunft", "prawo dostępu", "juurdepääs", "kopiju", "копію", "копию", "получение информации", "отримання інформації"}},
	{RightRectification, []string{"rectif", "correct", "виправ", "уточн", "исправ", "зміни", "изменить", "обновить", "labot", "ištaisyt", "berichtig", "sprostow", "parandami"}},
	{RightErasure, []string{"erasure", "delete", "deletion", "to be forgotten", "видален", "знищен", "удален", "уничтожен", "dzēs", "ištrin", "sunaikin", "pamiršt", "löschung", "usunięci", "kustutami"}},
	{RightRestriction, []string{"restrict", "обмеж", "огранич", "блокир", "ierobežo", "apribot", "einschränk", "ograniczeni", "piiramis"}},
	{RightPortability, []string{"portab", "перенос", "переносимост", "pārnesam", "perkelt", "übertragbar", "przenosz", "ülekantav"}},
	{RightObjection, []string{"object to", "right to object", "objection", "заперечен", "возражен", "iebilst", "nesutikti", "prieštarauti", "widerspruch", "sprzeciw", "vastuväit"}},
	{RightWithdrawal, []string{"withdraw", "відклик", "отзыв", "отозвать", "atsaukt", "atšaukti", "widerruf", "wycofan", "tagasi võtta"}},
	{RightAutomated, []string{"automated decision", "automated individual", "автоматизован", "автоматизирован", "automatizēt", "automatizuot", "automatisiert", "zautomatyzowan", "automatiseeritud"}},
	{RightComplaint, []string{"complaint", "lodge a complaint", "скарг", "жалоб", "sūdzīb", "skund", "beschwerde", "skarg", "kaebus"}},
}

// findRights lists the rights a policy mentions.
func (d *doc) findRights() []string {
	var out []string
	for _, r := range rightStems {
		if d.anyBetween(r.stems, 0, len(d.lower)) {
			out = append(out, r.right)
		}
	}
	return out
}

// processorStems name a processor; selfStems are how a company speaks of
// itself; roleStems say that it acts in that role.
var (
	processorStems = []string{"processor", "обробник", "обработчик", "apstrādātāj", "tvarkytoj", "auftragsverarbeiter", "podmiot przetwarzając", "volitatud töötleja", "sous-traitant"}
	selfStems      = []string{"we ", "our ", "ми ", "мы ", "оператор", "компанія", "компания", "mēs ", "mes ", "wir ", "my ", "meie ", "company", "нас"}
	roleStems      = []string{"act as", "acts as", "is a", "considered", "вважається", "виступає", "є ", "является", "выступает", "считается", "darbojas kā", "ir ", "veikia kaip", "yra ", "als ", "jako ", "on "}
)

// findProcessor reports whether the company says it is a processor for
// some data ("Оператор вважається обробником", "we act as a processor"):
// a self-reference, then a role verb, then the processor word, close
// together, and not "sub-processor".
func (d *doc) findProcessor() (bool, []Evidence) {
	for _, stem := range processorStems {
		for _, p := range d.find(stem) {
			from := runeStart(d.lower, max(0, p-120))
			before := d.lower[from:p]
			if strings.HasSuffix(before, "sub") || strings.HasSuffix(before, "sub-") || strings.HasSuffix(before, "суб") {
				continue
			}
			role := lastIndexAny(before, roleStems)
			if role < 0 || lastIndexAny(before[:role], selfStems) < 0 {
				continue
			}
			return true, []Evidence{d.evidence("processor", "true", p, p+len(stem))}
		}
	}
	return false, nil
}

// lastIndexAny returns the last offset in s of any of the words, or -1.
func lastIndexAny(s string, words []string) int {
	best := -1
	for _, w := range words {
		if k := strings.LastIndex(s, w); k > best {
			best = k
		}
	}
	return best
}
