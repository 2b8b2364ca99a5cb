package triage

// rules is the whole clinical logic, most severe first. Evaluate runs every
// rule; the most severe outcome among those that fire wins. Every When uses
// only "yes" answers, "at least" thresholds and "not improving" trends, so a
// new warning sign can never lower the outcome.
var rules = []Rule{
	// Emergency: call 999 or go to A&E now.
	{
		ID: "ces-bladder-bowel", Key: KeyBladderBowelChange, Outcome: Emergency, Source: srcNHSBackPain,
		Condition: "Back pain with new difficulty peeing, or loss of bladder or bowel control (NHS: call 999 or go to A&E).",
		Reason: "You said you have new difficulty peeing, or have lost control of your bladder or bowels. With back pain " +
			"this can be a sign of a nerve emergency (cauda equina syndrome), which needs treatment within hours.",
		When: yes(KeyBladderBowelChange),
	},
	{
		ID: "ces-saddle-numbness", Key: KeySaddleNumbness, Outcome: Emergency, Source: srcRoyalFreeCES,
		Condition: "Back pain with numbness or tingling around the genitals, anus or buttocks, or a new change in sexual " +
			"function (NHS cauda equina leaflets: any one of these signs means A&E straight away).",
		Reason: "You said you have numbness or tingling around your genitals or bottom, or a change in sexual feeling. " +
			"With back pain this can be a sign of a nerve emergency (cauda equina syndrome), which needs treatment within hours.",
		When: yes(KeySaddleNumbness),
	},
	{
		ID: "ces-both-legs", Key: KeyBothLegs, Outcome: Emergency, Source: srcNHSBackPain,
		Condition: "Back pain with pain, numbness, tingling or weakness in both legs (NHS: call 999 or go to A&E).",
		Reason: "You said you have symptoms in both legs. With back pain this can mean several nerves are being squeezed " +
			"at once (cauda equina syndrome), which needs checking straight away.",
		When: yes(KeyBothLegs),
	},
	{
		ID: "chest-pain", Key: KeyChestPain, Outcome: Emergency, Source: srcNHSBackPain,
		Condition: "Back pain with chest pain, breathlessness, or pain spreading to the arm, neck or jaw (NHS: call 999; " +
			"heart attack pain can spread to the back).",
		Reason: "You said you have chest pain, breathlessness, or pain spreading to your arm, neck or jaw. With back pain " +
			"this can be a sign of a heart attack or a problem with the main blood vessel, not the back.",
		When: yes(KeyChestPain),
	},
	{
		ID: "major-trauma", Key: KeyMajorTrauma, Outcome: Emergency, Source: srcNHSBackPain,
		Condition: "Back pain that began after a serious fall, accident or blow (NHS: call 999 or go to A&E).",
		Reason: "You said your pain started after a serious fall, accident or blow. A broken bone in the spine needs " +
			"to be ruled out straight away; try not to move more than you need to.",
		When: yes(KeyMajorTrauma),
	},
	{
		ID: "cancer-leg-weakness", Key: KeyCancerHistory, Outcome: Emergency, Source: srcNICECG75,
		Condition: "A history of cancer together with a leg getting weaker (NICE CG75: limb weakness in someone with " +
			"cancer is an emergency; contact the specialist team immediately).",
		Reason: "You said you have had cancer and a leg is getting weaker. This can be a sign of cancer pressing on the " +
			"spinal cord, which needs treatment straight away. If you have a cancer team's 24-hour helpline, call them too.",
		When: yes(KeyCancerHistory, KeyLegWeaknessWorsening),
	},
	{
		ID: "cancer-nerve-symptoms", Key: KeyCancerHistory, Outcome: Emergency, Source: srcNICECG75,
		Condition: "A history of cancer together with numbness or tingling in a leg or foot, or pain down a leg below " +
			"the knee (NICE CG75 lists sensory loss and nerve-root pain as needing immediate contact; Backwise has no " +
			"'call your cancer team' outcome, so it takes the more cautious emergency route).",
		Reason: "You said you have had cancer and have numbness, tingling or pain going down a leg. After cancer, nerve " +
			"symptoms like these need checking straight away to rule out pressure on the spinal cord. If you have a " +
			"cancer team's 24-hour helpline, call them too.",
		When: func(a Answers) bool {
			return a.Yes(KeyCancerHistory) && (a.Yes(KeyNumbnessTingling) || a.Yes(KeyLegPainBelowKnee))
		},
	},

	// Urgent: see a doctor today.
	{
		ID: "fever-immunosuppressed", Key: KeyImmunosuppressed, Outcome: Urgent, Source: srcGlosRedFlags,
		Condition: "Fever, chills or feeling very unwell together with a weakened immune system or injecting drugs " +
			"(NHS Gloucestershire red flags: both point to a spinal infection, and together the risk is higher).",
		Reason: "You said you have a fever or feel very unwell, and that your immune system may be weakened (or you " +
			"inject drugs). Together these make an infection in the spine more likely, so you need to be seen today. " +
			"If you feel very ill, confused or faint, call 999.",
		When: yes(KeyFever, KeyImmunosuppressed),
	},
	{
		ID: "fever", Key: KeyFever, Outcome: Urgent, Source: srcNHSBackPain,
		Condition: "Back pain with fever, chills, or feeling hot, cold, shivery or very unwell (NHS: urgent GP " +
			"appointment or NHS 111).",
		Reason: "You said you have a fever or chills, or feel very unwell. With back pain this can be a sign of an " +
			"infection, which should be checked today.",
		When: yes(KeyFever),
	},
	{
		ID: "leg-weakness-progressive", Key: KeyLegWeaknessWorsening, Outcome: Urgent, Source: srcACP2007,
		Condition: "A leg getting weaker, or a foot that drags or slaps. Sources disagree: the NHS sends leg weakness " +
			"to 999 only when both legs are affected, while NHS Gloucestershire groups progressive weakness with " +
			"cauda equina syndrome and ACP/APS 2007 asks for prompt imaging. Backwise chooses same-day care, more " +
			"cautious than a routine GP visit; weakness in both legs is an emergency rule.",
		Reason: "You said a leg is getting weaker or a foot drags or slaps. Weakness that is getting worse can mean a " +
			"nerve is badly squeezed and should be checked today. If both legs become affected, or you get numbness " +
			"around your genitals or bottom or bladder or bowel changes, call 999.",
		When: yes(KeyLegWeaknessWorsening),
	},
	{
		ID: "cancer-thoracic-or-neck-pain", Key: KeyCancerHistory, Outcome: Urgent, Source: srcNICECG75,
		Condition: "A history of cancer with pain in the middle or upper back or the neck (NICE CG75: thoracic or " +
			"cervical spine pain in someone with cancer needs contact within 24 hours). More urgent than either " +
			"sign alone.",
		Reason: "You said you have had cancer and your pain is in your middle or upper back or your neck. After " +
			"cancer, pain here needs a doctor's check within 24 hours to rule out cancer affecting the spine.",
		When: func(a Answers) bool {
			return a.Yes(KeyCancerHistory) && (a.HasLocation(LocationMiddle) || a.HasLocation(LocationUpper) ||
				a.HasLocation(LocationNeckShoulder))
		},
	},
	{
		ID: "cancer-night-pain", Key: KeyCancerHistory, Outcome: Urgent, Source: srcNICECG75,
		Condition: "A history of cancer with constant pain not eased by rest, or pain at night (NICE CG75: within " +
			"24 hours).",
		Reason: "You said you have had cancer and your pain is constant or worse at night. After cancer, pain like " +
			"this needs a doctor's check within 24 hours.",
		When: yes(KeyCancerHistory, KeyNightPain),
	},
	{
		ID: "cancer-worsening-or-severe", Key: KeyCancerHistory, Outcome: Urgent, Source: srcNICECG75,
		Condition: "A history of cancer with pain that is getting worse, or severe pain of 8 or more out of 10 (NICE " +
			"CG75: progressive or severe unremitting pain, within 24 hours).",
		Reason: "You said you have had cancer and your pain is getting worse or is severe. After cancer, pain like " +
			"this needs a doctor's check within 24 hours.",
		When: func(a Answers) bool {
			return a.Yes(KeyCancerHistory) && (a.trendIs(TrendWorsening) || a.intensityAtLeast(8))
		},
	},
	{
		ID: "older-weight-loss", Key: KeyWeightLoss, Outcome: Urgent, Source: srcNICENG12,
		Condition: "Age 60 or over with weight loss without trying (NICE NG12: consider urgent tests within 2 weeks; " +
			"the earlier NHS back pain page also put weight loss in its urgent tier). Backwise takes the more " +
			"cautious reading: contact a GP today so that the tests can be arranged quickly.",
		Reason: "You said you are 60 or over and have lost weight without trying. With back pain, NICE advises urgent " +
			"checks for this, so contact your GP today to arrange them.",
		When: func(a Answers) bool { return a.ageAtLeast(60) && a.Yes(KeyWeightLoss) },
	},
	{
		ID: "severe-sudden", Key: KeyIntensity, Outcome: Urgent, Source: srcNHSBackPain,
		Condition: "Severe pain, 8 or more out of 10, that started in the last 3 days (NHS 2026: severe pain that " +
			"starts suddenly needs an urgent GP appointment or NHS 111).",
		Reason: "You said your pain is severe (8 or more out of 10) and started in the last few days. The NHS advises " +
			"getting seen today for severe back pain that starts suddenly.",
		When: func(a Answers) bool { return a.intensityAtLeast(8) && a.durationIs(DurationUnder3Days) },
	},
	{
		ID: "severe-worsening", Key: KeyIntensity, Outcome: Urgent, Source: srcNHSBackPain,
		Condition: "Severe pain, 8 or more out of 10, that is getting worse (NHS 2026: severe pain that is getting " +
			"worse quickly needs an urgent GP appointment or NHS 111).",
		Reason: "You said your pain is severe (8 or more out of 10) and getting worse. The NHS advises getting seen " +
			"today for severe back pain that is getting worse quickly.",
		When: func(a Answers) bool { return a.intensityAtLeast(8) && a.trendIs(TrendWorsening) },
	},

	// Doctor: see a doctor soon, before starting massage.
	{
		ID: "cancer-history", Key: KeyCancerHistory, Outcome: Doctor, Source: srcHenschke2013,
		Condition: "Any history of cancer (the only red flag with enough evidence to support it as a sign of spinal " +
			"cancer, Cochrane 2013; Mayo Clinic: discuss massage with your doctor first if you have cancer).",
		Reason: "You said you have had cancer. A past cancer is the warning sign most clearly linked to serious causes " +
			"of back pain, so a doctor should check your pain, and your cancer team should agree before you have massage.",
		When: yes(KeyCancerHistory),
	},
	{
		ID: "weight-loss", Key: KeyWeightLoss, Outcome: Doctor, Source: srcNHSBackPain,
		Condition: "Weight loss without trying (NHS 2026: see a GP; the earlier NHS page said urgent, and Backwise " +
			"makes it urgent at 60 or over, see older-weight-loss).",
		Reason: "You said you have lost weight without trying. With back pain, a doctor should find out why.",
		When:   yes(KeyWeightLoss),
	},
	{
		ID: "night-pain", Key: KeyNightPain, Outcome: Doctor, Source: srcNHSBackPain,
		Condition: "Constant pain not eased by rest or lying down, or worse at night (NHS 2026: see a GP; the earlier " +
			"NHS page said urgent; Backwise follows the current page and makes it urgent after cancer).",
		Reason: "You said your pain is constant and not eased by rest, or worse at night. Pain from muscles and joints " +
			"usually eases with rest, so a doctor should check it.",
		When: yes(KeyNightPain),
	},
	{
		ID: "immunosuppressed", Key: KeyImmunosuppressed, Outcome: Doctor, Source: srcGlosRedFlags,
		Condition: "Long-term steroid tablets, chemotherapy, HIV, an organ transplant or injecting drugs (NHS " +
			"Gloucestershire red flags for spinal infection and fracture).",
		Reason: "You said you take long-term steroids, have a treatment or condition that weakens the immune system, " +
			"or inject drugs. These make infections and fragile bones in the spine more likely, so a doctor should " +
			"check your pain before you start massage.",
		When: yes(KeyImmunosuppressed),
	},
	{
		ID: "osteoporosis", Key: KeyOsteoporosis, Outcome: Doctor, Source: srcMayoMassage,
		Condition: "Osteoporosis or a past fragility fracture (Mayo Clinic: massage may not be appropriate with severe " +
			"osteoporosis; the questionnaire cannot tell how severe, so Backwise asks for a doctor's check first).",
		Reason: "You said you have osteoporosis or have broken a bone easily. Back pain can come from a small break in " +
			"the spine, and firm massage can harm fragile bones, so see a doctor before you start massage.",
		When: yes(KeyOsteoporosis),
	},
	{
		ID: "recent-surgery", Key: KeyRecentSurgery, Outcome: Doctor, Source: srcNCCIH,
		Condition: "An operation in the last 3 months (older NCCIH/NCCAM safety text: no massage over areas of recent " +
			"surgery; new back pain after an operation needs a doctor's view).",
		Reason: "You said you have had an operation in the last 3 months. New back pain after surgery should be " +
			"checked, and massage near the operation needs your surgeon's agreement.",
		When: yes(KeyRecentSurgery),
	},
	{
		ID: "thoracic-pain", Key: KeyLocation, Outcome: Doctor, Source: srcNHSBackPain,
		Condition: "Pain in the middle back, between the shoulder blades (NHS 2026: see a GP for pain between the " +
			"shoulders; the earlier NHS page said urgent; RCGP triage lists thoracic pain as a red flag). Backwise " +
			"follows the current NHS page.",
		Reason: "You said your pain is in the middle of your back, between the shoulder blades. Pain here comes from " +
			"muscles less often than lower back pain, so the NHS advises seeing a GP.",
		When: func(a Answers) bool { return a.HasLocation(LocationMiddle) },
	},
	{
		ID: "numbness-tingling", Key: KeyNumbnessTingling, Outcome: Doctor, Source: srcMayoHS,
		Condition: "Numbness or tingling in one leg or foot (Mayo Clinic Health System: make an appointment for " +
			"numbness or tingling in one or both legs).",
		Reason: "You said you have numbness or pins and needles in a leg or foot. A nerve may be involved, so a " +
			"doctor should examine you before you start massage.",
		When: yes(KeyNumbnessTingling),
	},
	{
		ID: "sciatica-not-settling", Key: KeyLegPainBelowKnee, Outcome: Doctor, Source: srcNHSSciatica,
		Condition: "Pain down one leg below the knee that has lasted 6 weeks or more, or is getting worse (NHS " +
			"sciatica: usually better in 4 to 6 weeks; see a GP if it is not better after a few weeks or is getting worse).",
		Reason: "You said pain goes down your leg below the knee and has lasted 6 weeks or more or is getting worse. " +
			"This is often sciatica, and the NHS advises seeing a GP when it is not settling.",
		When: func(a Answers) bool {
			return a.Yes(KeyLegPainBelowKnee) && (a.sixWeeksOrMore() || a.trendIs(TrendWorsening))
		},
	},
	{
		ID: "very-severe-pain", Key: KeyIntensity, Outcome: Doctor, Source: srcNHSBackPain,
		Condition: "Very severe pain, 8 or more out of 10, even when it is not new or getting worse (NHS: see a GP if " +
			"the pain is very severe).",
		Reason: "You said your pain is very severe (8 or more out of 10). The NHS advises seeing a GP for very severe " +
			"back pain.",
		When: func(a Answers) bool { return a.intensityAtLeast(8) },
	},
	{
		ID: "pain-worsening", Key: KeyTrend, Outcome: Doctor, Source: srcNHSBackPain,
		Condition: "Pain that is getting worse after the first 3 days (NHS: see a GP if back pain is getting worse " +
			"over time). In the first 3 days stiffness often peaks before it eases, so only severe worsening pain " +
			"counts then (see severe-worsening).",
		Reason: "You said your pain is getting worse and has lasted 3 days or more. The NHS advises seeing a GP when " +
			"back pain keeps getting worse.",
		When: func(a Answers) bool { return a.trendIs(TrendWorsening) && a.atLeast3Days() },
	},
	{
		ID: "not-improving-after-6-weeks", Key: KeyDuration, Outcome: Doctor, Source: srcNHSBackPain,
		Condition: "Pain for 6 to 12 weeks that is not getting better (NHS: see a GP if it is not better after a few " +
			"weeks of home treatment; NHS Gloucestershire: failure to improve after a month). Pain for more than 12 " +
			"weeks that is stable leads to a therapist instead, unless another rule applies: long-standing pain that " +
			"is not changing is what hands-on therapy with exercise is for, and worsening pain is a doctor rule.",
		Reason: "You said your pain has lasted 6 weeks or more and is not getting better. The NHS advises seeing a GP " +
			"when back pain has not improved after a few weeks.",
		When: func(a Answers) bool { return a.durationIs(Duration6To12Weeks) && a.notImproving() },
	},
	{
		ID: "daily-life-severe", Key: KeyAffectsSleepDailyLife, Outcome: Doctor, Source: srcNHSBackPain,
		Condition: "Pain of 7 or more out of 10 that affects sleep or daily life (NHS: see a GP if the pain stops you " +
			"doing day-to-day activities).",
		Reason: "You said your pain is strong (7 or more out of 10) and is affecting your sleep or daily life. The NHS " +
			"advises seeing a GP when back pain stops you doing your usual activities.",
		When: func(a Answers) bool { return a.Yes(KeyAffectsSleepDailyLife) && a.intensityAtLeast(7) },
	},
	{
		ID: "age-55-not-improving", Key: KeyAge, Outcome: Doctor, Source: srcGlosRedFlags,
		Condition: "Age 55 or over with pain that has lasted 3 days or more and is not getting better. Age thresholds " +
			"differ (RCGP: over 55; NHS Gloucestershire: over 50 or 55; NICE NG12: 60 and over with persistent pain); " +
			"Backwise uses 55 and never escalates on age alone, so a short, improving episode stays self-care.",
		Reason: "You said you are 55 or over and your pain is not getting better. Back pain later in life comes more " +
			"often from a cause that needs a doctor's check.",
		When: func(a Answers) bool { return a.ageAtLeast(55) && a.atLeast3Days() && a.notImproving() },
	},
	{
		ID: "age-under-20-not-improving", Key: KeyAge, Outcome: Doctor, Source: srcGlosRedFlags,
		Condition: "Age under 20 with pain that has lasted 3 days or more and is not getting better (RCGP triage and " +
			"NHS Gloucestershire list onset under 20 as a warning sign; back pain is common in teenagers, so age " +
			"alone never escalates).",
		Reason: "You said you are under 20 and your pain is not getting better. At your age, back pain that does not " +
			"settle should be checked by a doctor.",
		When: func(a Answers) bool { return a.ageBelow(20) && a.atLeast3Days() && a.notImproving() },
	},

	// Therapist: a massage therapist or physiotherapist, alongside exercise.
	{
		ID: "otc-not-helping", Key: KeyOTCNotHelping, Outcome: Therapist, Source: srcACP2007,
		Condition: "Painkillers from a pharmacy have not helped (ACP/APS 2007: when self-care is not enough, add a " +
			"proven non-drug treatment).",
		Reason: "You said painkillers from a pharmacy have not helped. Hands-on treatment from a qualified therapist, " +
			"alongside exercise, is a reasonable next step.",
		When: yes(KeyOTCNotHelping),
	},
	{
		ID: "affects-daily-life", Key: KeyAffectsSleepDailyLife, Outcome: Therapist, Source: srcNICENG59,
		Condition: "Pain that affects sleep, work or everyday activities (NICE NG59: match support to the impact of " +
			"the pain; manual therapy such as massage only as part of a package that includes exercise).",
		Reason: "You said the pain is affecting your sleep, work or everyday activities. A physiotherapist or massage " +
			"therapist can help you get moving again, alongside exercise.",
		When: yes(KeyAffectsSleepDailyLife),
	},
	{
		ID: "strong-pain", Key: KeyIntensity, Outcome: Therapist, Source: srcACP2007,
		Condition: "Pain of 7 or more out of 10 (self-care alone is for mild to moderate pain; ACP/APS 2007: add a " +
			"non-drug treatment when self-care is not enough). 8 or more is also a doctor rule.",
		Reason: "You said your pain has been 7 out of 10 or more. Pain this strong usually needs more support than " +
			"self-care alone.",
		When: func(a Answers) bool { return a.intensityAtLeast(7) },
	},
	{
		ID: "leg-pain-below-knee", Key: KeyLegPainBelowKnee, Outcome: Therapist, Source: srcNHSSciatica,
		Condition: "Pain down one leg below the knee (NHS sciatica: home treatment first, usually better in 4 to 6 " +
			"weeks; a physiotherapist can guide exercises). Lasting 6 weeks or more, or getting worse, is a doctor rule.",
		Reason: "You said pain goes down your leg below the knee, which is often sciatica. It usually gets better in " +
			"4 to 6 weeks; a physiotherapist can guide exercises, and massage may help alongside them.",
		When: yes(KeyLegPainBelowKnee),
	},
	{
		ID: "subacute-not-improving", Key: KeyTrend, Outcome: Therapist, Source: srcACP2017,
		Condition: "Pain for 3 days to 6 weeks that is not getting better yet (ACP 2017: non-drug treatment such as " +
			"heat, massage or manipulation for acute and subacute pain, on low-quality evidence for massage). Getting " +
			"worse is a doctor rule.",
		Reason: "You said your pain has lasted more than a few days and is not getting better yet. For pain like " +
			"this, guidelines support non-drug treatments such as massage, heat and exercise.",
		When: func(a Answers) bool { return a.durationIs(Duration3DaysTo6Weeks) && a.notImproving() },
	},
	{
		ID: "longer-lasting-pain", Key: KeyDuration, Outcome: Therapist, Source: srcNICENG59,
		Condition: "Pain for 6 weeks or more (NICE NG59: manual therapy such as massage only as part of a package with " +
			"exercise; ACP/APS 2007 supports massage for subacute and chronic pain, while ACP 2017 does not list it " +
			"for chronic pain, so Backwise always pairs it with exercise).",
		Reason: "You said your pain has lasted more than 6 weeks. Guidelines suggest hands-on therapy only as part of " +
			"a plan that includes exercise, which a physiotherapist or massage therapist can help with. If a doctor " +
			"or physiotherapist has never checked this pain, ask for a check too.",
		When: func(a Answers) bool { return a.sixWeeksOrMore() },
	},

	// Self-care: the fallback, with a reason that fits the answers.
	{
		ID: "self-care-recent-improving", Key: KeyTrend, Outcome: SelfCare, Source: srcNHSBackPain,
		Condition: "Pain for less than 6 weeks, 6 or less out of 10, and getting better, with no warning signs (NHS: " +
			"most back pain gets better within a few weeks; keep active).",
		Reason: "Your pain started recently, is mild to moderate and is getting better, and you told us none of the " +
			"warning signs apply. Most back pain like this gets better within a few weeks.",
		When: recentMildImproving,
	},
	{
		ID: "self-care", Outcome: SelfCare, Source: srcNHSBackPain,
		Condition: "Any other answers, when no rule above applies: the fallback, so every result has a reason (NHS: " +
			"most back pain gets better within a few weeks; stay active).",
		Reason: "None of your answers point to a need for a doctor or therapist now. Most back pain gets better within " +
			"a few weeks with self-care and staying active.",
		// Not with the rule above, whose reason says the same more precisely.
		When: func(a Answers) bool { return !recentMildImproving(a) },
	},

	// Cautions: they adapt the advice and never change the outcome.
	{
		ID: "caution-bleeding-risk", Key: KeyBleedingRisk, Source: srcNCCIH,
		Condition: "Blood thinners or a bleeding or clotting disorder. Sources differ: NCCIH rules out forceful or " +
			"deep-tissue massage, while Mayo Clinic says massage may not be appropriate, so the caution also asks " +
			"you to check with your doctor first.",
		Caution: "Because of your blood thinners or bleeding risk: no deep-tissue or forceful massage and no firm " +
			"tools, and tell your therapist about your medicines. Check with your doctor or pharmacist before you " +
			"start, as some sources advise against massage altogether.",
		When: yes(KeyBleedingRisk),
	},
	{
		ID: "caution-skin-at-site", Key: KeySkinProblemAtSite, Source: srcNCCIH,
		Condition: "A wound, rash, burn or skin infection where the pain is (NCCIH and Mayo Clinic: no massage over " +
			"broken skin, wounds or burns).",
		Caution: "Keep massage, tools and heat away from the wound, rash, burn or infection until it has healed. " +
			"See a pharmacist or GP if it looks infected.",
		When: yes(KeySkinProblemAtSite),
	},
	{
		ID: "caution-pregnancy", Key: KeyPregnant, Source: srcNCCIH,
		Condition: "Pregnancy (NCCIH and Mayo Clinic: talk to your midwife or doctor before massage; use a therapist " +
			"trained in pregnancy massage).",
		Caution: "Because you are pregnant: check with your midwife or doctor before starting massage, and choose a " +
			"therapist trained in pregnancy massage. Avoid lying on your back on a foam roller, and tell your midwife " +
			"about any new or severe pain.",
		When: yes(KeyPregnant),
	},
	{
		ID: "caution-osteoporosis", Key: KeyOsteoporosis, Source: srcMayoMassage,
		Condition: "Osteoporosis or a past fragility fracture (Mayo Clinic: severe osteoporosis is a reason to avoid " +
			"massage; firm pressure can break weak bones).",
		Caution: "Because of your bones: once a doctor agrees to massage, gentle pressure only, with no forceful " +
			"techniques, tools or spinal manipulation, and tell your therapist about your osteoporosis.",
		When: yes(KeyOsteoporosis),
	},
	{
		ID: "caution-recent-surgery", Key: KeyRecentSurgery, Source: srcNCCIH,
		Condition: "An operation in the last 3 months (older NCCIH/NCCAM safety text: no massage over areas of recent " +
			"surgery).",
		Caution: "Keep massage away from the area of your operation until your surgeon says it has healed.",
		When:    yes(KeyRecentSurgery),
	},
	{
		ID: "caution-cancer", Key: KeyCancerHistory, Source: srcNCCIH,
		Condition: "A history of cancer (NCCIH: no deep pressure over a tumour or cancer site unless the treating " +
			"clinician approves).",
		Caution: "Because you have had cancer: no deep pressure over a tumour or an area treated for cancer, " +
			"including radiotherapy, unless your cancer team agrees.",
		When: yes(KeyCancerHistory),
	},
}

// recentMildImproving is the typical self-limiting episode: under 6 weeks,
// 6 or less out of 10, and getting better.
func recentMildImproving(a Answers) bool {
	return a.durationIs(DurationUnder3Days, Duration3DaysTo6Weeks) && a.intensityAtMost(6) && a.trendIs(TrendImproving)
}
