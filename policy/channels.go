package policy

// Words that name a way of sending a request.
var (
	inPersonStems = []string{"ierodoties", "ierodaties", "in person", "особисто", "лично", "личном", "asmeniškai", "atvyk", "persönlich", "osobiście", "isiklikult", "en personne"}
	postStems     = []string{"почтой", "поштою", "поштове відправлення", "заказным письмом", "рекомендованим листом", "by post", "by mail", "postal", "pa pastu", "registered letter", "per post", "pocztą", "postiga"}
	emailStems    = []string{"e-mail", "email", "електронн", "электронн", "e-pasts", "e-pastu", "el. paštu", "el. pašt", "e-post"}
	webFormStems  = []string{"web form", "online form", "contact form", "веб-форм", "форму на сайті", "форму на сайте", "форма зворотного", "форма обратной", "veidlap", "formą", "formularz", "kontaktformular"}
)

// findChannels decides how to send each kind of request. An instruction in
// the policy comes first: a sentence about that kind of request that names
// one way (in person, by post with the address, by e-mail with the
// address). Without one, Russian law's signed paper letter goes by post,
// else e-mail where there is an address for it, else post.
func (d *doc) findChannels(f *Findings, emailEv, addrEv []Evidence) Channels {
	var ch Channels
	instructed := map[string]string{}
	seen := map[int]bool{}
	for _, stems := range [][]string{accessStems, erasureStems, withdrawalStems} {
		for _, stem := range stems {
			for _, p := range d.find(stem) {
				ss, se := d.sentence(p, 400)
				if seen[ss] {
					continue
				}
				seen[ss] = true
				kind := d.kindBetween(ss, se)
				if kind == KindAny || instructed[kind] != "" {
					continue
				}
				if c := d.channelIn(ss, se, emailEv, addrEv); c != "" {
					instructed[kind] = c
				}
				if len(instructed) == 3 {
					break
				}
			}
		}
	}
	fallback := ""
	switch {
	case f.Jurisdiction == "RU" && len(f.Addresses) > 0:
		fallback = ChannelPost
	case len(f.Emails) > 0:
		fallback = ChannelEmail
	case len(f.Addresses) > 0:
		fallback = ChannelPost
	}
	pick := func(kind string) *string {
		if c := instructed[kind]; c != "" {
			return strPtr(c)
		}
		if fallback == "" {
			return nil
		}
		return strPtr(fallback)
	}
	ch.Access, ch.Erasure, ch.Withdrawal = pick(KindAccess), pick(KindErasure), pick(KindWithdrawal)
	return ch
}

// channelIn names the single way of sending a sentence speaks of, or "".
func (d *doc) channelIn(ss, se int, emailEv, addrEv []Evidence) string {
	found := map[string]bool{}
	if d.anyBetween(inPersonStems, ss, se) {
		found[ChannelInPerson] = true
	}
	for _, e := range addrEv {
		if e.Offset >= ss && e.Offset < se {
			found[ChannelPost] = true
		}
	}
	if d.anyBetween(postStems, ss, se) && len(addrEv) > 0 {
		found[ChannelPost] = true
	}
	for _, e := range emailEv {
		if e.Offset >= ss && e.Offset < se {
			found[ChannelEmail] = true
		}
	}
	if d.anyBetween(emailStems, ss, se) && len(emailEv) > 0 {
		found[ChannelEmail] = true
	}
	if d.anyBetween(webFormStems, ss, se) {
		found[ChannelWebForm] = true
	}
	if len(found) != 1 {
		return ""
	}
	for c := range found {
		return c
	}
	return ""
}
