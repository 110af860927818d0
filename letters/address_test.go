package letters

import (
	"strings"
	"testing"
)

// TestSplitAddress: envelope lines split where the post expects them.
func TestSplitAddress(t *testing.T) {
	for in, want := range map[string]string{
		"Elijas iela 17, Rīga, LV-1050, Latvija":                    "Elijas iela 17 / Rīga, LV-1050 / Latvija",
		"L. Sapiegos g. 17, LT-10312 Vilnius, Lietuva":              "L. Sapiegos g. 17 / LT-10312 Vilnius / Lietuva",
		"4445 Eastgate Mall, Suite 200, San Diego, CA 92121, USA":   "4445 Eastgate Mall, Suite 200 / San Diego, CA 92121 / USA",
		"4445 Eastgate Mall, Suite 200, San Diego, CA, 92121, USA":  "4445 Eastgate Mall, Suite 200 / San Diego, CA 92121 / USA",
		"109029, Россия, Москва, ул. Нижегородская, дом 32, стр. А": "ул. Нижегородская, дом 32, стр. А / Москва / 109029 / Россия",
		"вул. Інститутська, 21/8, м. Київ, 01008":                   "вул. Інститутська, 21/8 / м. Київ, 01008",
		"Китайгородский проезд, д. 7, стр. 2, Москва, 109992":       "Китайгородский проезд, д. 7, стр. 2 / Москва, 109992",
		"21 Fitzwilliam Square South, Dublin 2, D02 RD28, Ireland":  "21 Fitzwilliam Square South / Dublin 2 / D02 RD28 / Ireland",
		// Review 2, L10: a district and a region beside the town.
		"09201, Україна, Київська область, Обухівський район, м. Кагарлик, вул. Сергієнка, буд. 20": "вул. Сергієнка, буд. 20 / м. Кагарлик / Обухівський р-н, Київська обл. / 09201 / Україна",
		"Обухівський район, м. Кагарлик, вул. Сергієнка, буд. 20, Київська область, 09201":          "вул. Сергієнка, буд. 20 / м. Кагарлик / Обухівський р-н, Київська обл. / 09201",
		"вул. Шевченка, 15, с. Петрівка, Миронівський р-н, Київська обл., 08800":                    "вул. Шевченка, 15 / с. Петрівка / Миронівський р-н, Київська обл. / 08800",
		"142700, Россия, Московская область, Ленинский район, г. Видное, ул. Школьная, д. 5":        "ул. Школьная, д. 5 / г. Видное / Ленинский р-н, Московская обл. / 142700 / Россия",
	} {
		if got := strings.Join(splitAddress(in), " / "); got != want {
			t.Errorf("%s:\n got %s\nwant %s", in, got, want)
		}
	}
}
