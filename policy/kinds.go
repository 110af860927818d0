package policy

// Word stems that tell what a sentence asks or promises, in the languages
// Prava reads. Stems are lower-case and matched anywhere in a word, so they
// are chosen long enough not to occur by chance.
var (
	accessStems = []string{
		"доступ", "запрос информации", "получение информации", "получения информации", "информации о порядке", "ознаком", "ознайом",
		"access", "copy of", "piekļuv", "kopij", "prieig", "auskunft", "kopie", "dostęp", "kopi", "juurdepääs", "koopia", "копію", "копию",
	}
	erasureStems = []string{
		"удален", "удалит", "уничтож", "видал", "знищ", "delet", "eras", "dzēs", "dzēš", "ištrin", "pašalin", "sunaikin",
		"lösch", "usunię", "usunąć", "kustut", "removal", "remove",
	}
	withdrawalStems = []string{
		"отзыв согласия", "отозвать согласие", "отзыва согласия", "відклик", "withdraw", "revoke", "revocation", "atsauk", "atšauk",
		"widerruf", "wycofa", "tagasi võtta", "tagasivõtmi",
	}
	// otherStems mark a sentence about questions or corrections, which
	// makes a marking in it apply to any request.
	otherStems = []string{
		"вопрос", "питан", "question", "jautājum", "klausim", "frage", "pytani", "küsimus",
		"изменит", "змін", "rectif", "correct", "labot", "pakeit", "ištaisy", "berichtig", "sprostow", "parand", "уточн",
	}
	// requestStems mark a sentence about a person's request or the answer.
	requestStems = []string{
		"запит", "запрос", "звернен", "обращени", "заяв", "вимог", "требовани", "відпов", "ответ", "request", "respond", "response",
		"reply", "answer", "contact us", "pieprasījum", "atbild", "sazin", "prašym", "užklaus", "atsakym", "atsako", "atsakom", "atsakys", "susisiek", "anfrage",
		"antrag", "antwort", "żądani", "żądań", "wniosek", "odpowied", "odpowie", "taotlus", "päring", "vastus", "vastame", "vastab", "demande", "solicitud",
	}
)

// kindOf names the single request kind a lower-case text is about, or
// KindAny.
func kindOf(lower string) string {
	return pickKind(containsAny(lower, accessStems), containsAny(lower, erasureStems), containsAny(lower, withdrawalStems), containsAny(lower, otherStems))
}

// pickKind names the kind when exactly one is spoken of.
func pickKind(a, e, w, o bool) string {
	switch {
	case w && !a && !e && !o:
		return KindWithdrawal
	case a && !e && !w && !o:
		return KindAccess
	case e && !a && !w && !o:
		return KindErasure
	}
	return KindAny
}
