package triage

// Source is a published guideline or review a rule comes from. URLs point to
// the primary source (nhs.uk, nice.org.uk, a journal DOI...), never to a copy.
type Source struct {
	Key       string `json:"key"`
	Title     string `json:"title"`
	Publisher string `json:"publisher"`
	Year      int    `json:"year,omitempty"` // 0 for undated web pages
	URL       string `json:"url"`
}

// The sources behind the rules. Each is a package-level value so the rule
// table can name it directly and a typo fails to compile.
var (
	srcNHSBackPain = Source{Key: "nhs-back-pain", Title: "Back pain", Publisher: "NHS", Year: 2026,
		URL: "https://www.nhs.uk/conditions/back-pain/"}
	srcNHSSciatica = Source{Key: "nhs-sciatica", Title: "Sciatica", Publisher: "NHS",
		URL: "https://www.nhs.uk/conditions/sciatica/"}
	srcRoyalFreeCES = Source{Key: "royal-free-ces", Title: "Cauda equina syndrome (patient information leaflet)",
		Publisher: "Royal Free London NHS Foundation Trust",
		URL:       "https://royalfree.nhs.uk/patients-and-visitors/patient-information-leaflets/cauda-equina-syndrome"}
	srcGlosRedFlags = Source{Key: "glos-red-flags", Title: "Red flags for spinal conditions",
		Publisher: "NHS Gloucestershire (G-care)", URL: "https://g-care.glos.nhs.uk/pathway/71/resource/3"}
	srcNICECG75 = Source{Key: "nice-cg75",
		Title:     "Metastatic spinal cord compression in adults (CG75, replaced by NG234 in 2023)",
		Publisher: "NICE", Year: 2008, URL: "https://www.nice.org.uk/guidance/cg75"}
	srcNICENG12 = Source{Key: "nice-ng12", Title: "Suspected cancer: recognition and referral (NG12)",
		Publisher: "NICE", Year: 2015, URL: "https://www.nice.org.uk/guidance/ng12"}
	srcNICENG59 = Source{Key: "nice-ng59", Title: "Low back pain and sciatica in over 16s: assessment and management (NG59)",
		Publisher: "NICE", Year: 2016, URL: "https://www.nice.org.uk/guidance/ng59"}
	srcACP2007 = Source{Key: "acp-aps-2007",
		Title:     "Diagnosis and treatment of low back pain: a joint clinical practice guideline from the American College of Physicians and the American Pain Society",
		Publisher: "Annals of Internal Medicine", Year: 2007,
		URL: "https://doi.org/10.7326/0003-4819-147-7-200710020-00006"}
	srcACP2017 = Source{Key: "acp-2017",
		Title:     "Noninvasive treatments for acute, subacute, and chronic low back pain: a clinical practice guideline from the American College of Physicians",
		Publisher: "Annals of Internal Medicine", Year: 2017, URL: "https://doi.org/10.7326/M16-2367"}
	srcHenschke2013 = Source{Key: "henschke-2013",
		Title:     "Red flags to screen for malignancy in patients with low-back pain (Cochrane review)",
		Publisher: "Cochrane Database of Systematic Reviews", Year: 2013,
		URL: "https://doi.org/10.1002/14651858.CD008686.pub2"}
	srcMayoHS = Source{Key: "mayo-hs-appointment", Title: "Neurosurgery: when to make an appointment",
		Publisher: "Mayo Clinic Health System",
		URL:       "https://mayoclinichealthsystem.org/locations/la-crosse/services-and-treatments/neurosurgery/when-to-make-an-appointment"}
	srcMayoMassage = Source{Key: "mayo-massage", Title: "Massage: get in touch with its many benefits",
		Publisher: "Mayo Clinic",
		URL:       "https://www.mayoclinic.org/healthy-lifestyle/stress-management/in-depth/massage/art-20045743"}
	srcNCCIH = Source{Key: "nccih-massage", Title: "Massage therapy: what you need to know",
		Publisher: "National Center for Complementary and Integrative Health (NIH)",
		URL:       "https://www.nccih.nih.gov/health/massage-therapy-what-you-need-to-know"}
)

// allSources lists every source in the order the published rules page shows
// them: public NHS pages, then clinical guidelines, then reviews and massage
// safety pages.
var allSources = []Source{
	srcNHSBackPain, srcNHSSciatica, srcRoyalFreeCES, srcGlosRedFlags,
	srcNICECG75, srcNICENG12, srcNICENG59, srcACP2007, srcACP2017,
	srcHenschke2013, srcMayoHS, srcMayoMassage, srcNCCIH,
}

// Sources returns every source the rules cite (a copy).
func Sources() []Source { return append([]Source(nil), allSources...) }

// SourceByKey returns the source with the given key.
func SourceByKey(key string) (Source, bool) {
	for _, s := range allSources {
		if s.Key == key {
			return s, true
		}
	}
	return Source{}, false
}
