package policy

import (
	"strings"
	"sync"
)

// serviceNames are companies that policies name as their providers far
// more often than as the controller: hosting, mail, payment, analytics,
// messengers and platforms. A name on this list needs the text to call it
// the controller outright before Prava writes to it.
var serviceNames = sync.OnceValue(func() map[string]string {
	return map[string]string{
		"google": RoleProcessor, "alphabet": RoleProcessor, "meta": RolePlatform, "facebook": RolePlatform, "instagram": RolePlatform,
		"whatsapp": RolePlatform, "telegram": RolePlatform, "viber": RolePlatform, "tiktok": RolePlatform, "linkedin": RolePlatform,
		"twitter": RolePlatform, "youtube": RolePlatform, "microsoft": RoleProcessor, "apple": RolePlatform, "amazon": RoleProcessor,
		"amazonwebservices": RoleProcessor, "cloudflare": RoleProcessor, "hetzner": RoleProcessor, "vercel": RoleProcessor,
		"netlify": RoleProcessor, "railway": RoleProcessor, "supabase": RoleProcessor, "firebase": RoleProcessor, "resend": RoleProcessor,
		"sendgrid": RoleProcessor, "mailchimp": RoleProcessor, "mailgun": RoleProcessor, "postmark": RoleProcessor, "brevo": RoleProcessor,
		"posthog": RoleProcessor, "hotjar": RoleProcessor, "yandex": RoleProcessor, "яндекс": RoleProcessor, "stripe": RoleProcessor,
		"paypal": RoleProcessor, "paysera": RoleProcessor, "revolut": RoleProcessor, "liqpay": RoleProcessor, "wayforpay": RoleProcessor,
		"fondy": RoleProcessor, "юkassa": RoleProcessor, "yookassa": RoleProcessor, "робокасса": RoleProcessor, "tinkoff": RoleProcessor,
		"anthropic": RoleProcessor, "openai": RoleProcessor, "replicate": RoleProcessor, "github": RoleProcessor, "gitlab": RoleProcessor,
		"digitalocean": RoleProcessor, "ovh": RoleProcessor, "timeweb": RoleProcessor, "beget": RoleProcessor, "regru": RoleProcessor,
		"spaceweb": RoleProcessor, "godaddy": RoleProcessor, "wix": RoleProcessor, "shopify": RoleProcessor, "wordpress": RoleProcessor,
		"automattic": RoleProcessor, "gravatar": RoleProcessor, "zendesk": RoleProcessor, "hubspot": RoleProcessor, "intercom": RoleProcessor,
		"twilio": RoleProcessor, "sentry": RoleProcessor, "revenuecat": RoleProcessor, "enablebanking": RoleProcessor, "valve": RolePlatform,
		"steam": RolePlatform, "booking": RolePlatform, "airbnb": RolePlatform, "evpinternational": RoleProcessor, "montonio": RoleProcessor,
		"makecommerce": RoleProcessor, "przelewy24": RoleProcessor, "payu": RoleProcessor, "tpay": RoleProcessor, "mollie": RoleProcessor,
		"klarna": RoleProcessor, "adyen": RoleProcessor, "calendly": RoleProcessor, "hostinger": RoleProcessor, "zoho": RoleProcessor,
	}
})

// serviceRole returns the role of a well-known provider whose name is the
// first word or the first two words of name: "Hetzner Online GmbH",
// "EVP International".
func serviceRole(name string) string {
	fs := strings.Fields(strings.Trim(name, "«»“”„\"'"))
	for n := 1; n <= 3 && n <= len(fs); n++ {
		if role := serviceNames()[nameKey(strings.Join(fs[:n], ""))]; role != "" {
			return role
		}
	}
	return ""
}
