package triage

// rules is the whole clinical logic, most severe first. Evaluate runs every
// rule; the most severe outcome among those that fire wins. Every When uses
// only "yes" answers, "at least" thresholds and "not improving" trends (and,
// in two rules, the reassuring answers named in the schema), so a new
// warning sign can never lower the outcome.
//
// Where sources disagree, the rule takes the more cautious reading and says
// so in its Condition. Sign is how a warning sign reads in the site's lists:
// articles, the home panel and every result's safety net render those lists
// from here, so they can never disagree with the questionnaire.
var rules = []Rule{
	// Emergency: call 999 or go to A&E now.
	{
		ID: "ces-bladder-bowel", Title: "Bladder or bowel changes", Keys: []string{KeyBladderBowelChange},
		Outcome: Emergency, Source: srcNHSBackPain, SignGroup: SignsGeneral,
		Signs:     []string{"new difficulty peeing, or peeing or pooing yourself without meaning to"},
		Terms:     []string{"pee", "peeing", "poo", "pooing", "bladder", "bowel", "bowels", "incontinence"},
		Condition: "Back pain with new difficulty peeing, or loss of bladder or bowel control (NHS: emergency care now).",
		Reason: "You said you have new difficulty peeing, or have lost control of your bladder or bowels. With back pain " +
			"this can be a sign of a nerve emergency (cauda equina syndrome), which needs treatment within hours.",
		When: yes(KeyBladderBowelChange),
	},
	{
		ID: "ces-saddle-numbness", Title: "Numbness around the genitals or bottom", Keys: []string{KeySaddleNumbness},
		Outcome: Emergency, Source: srcRoyalFreeCES, SignGroup: SignsGeneral,
		Signs: []string{"numbness or tingling around your genitals, bottom or inner thighs, or a change in sexual feeling"},
		Terms: []string{"genitals", "genital", "anus", "inner thighs", "saddle", "sexual"},
		Condition: "Back pain with numbness or tingling around the genitals, anus, buttocks or inner thighs, or a new change " +
			"in sexual function (NHS cauda equina leaflets: any one of these signs means emergency care straight away).",
		Reason: "You said you have numbness or tingling around your genitals or bottom, or a change in sexual feeling. " +
			"With back pain this can be a sign of a nerve emergency (cauda equina syndrome), which needs treatment within hours.",
		When: yes(KeySaddleNumbness),
	},
	{
		ID: "ces-both-legs", Title: "Symptoms in both legs", Keys: []string{KeyBothLegs},
		Outcome: Emergency, Source: srcNHSBackPain, SignGroup: SignsGeneral, Signs: []string{"pain going down both legs, or numbness, tingling or weakness in both legs"},
		Terms:     []string{"both legs"},
		Condition: "Back pain with pain, numbness, tingling or weakness in both legs (NHS: emergency care now).",
		Reason: "You said you have symptoms in both legs. With back pain this can mean several nerves are being squeezed " +
			"at once (cauda equina syndrome), which needs checking straight away.",
		When: yes(KeyBothLegs),
	},
	{
		ID: "walking-difficulty", Title: "New difficulty walking", Keys: []string{KeyWalkingDifficulty},
		Outcome: Emergency, Source: srcGlosRedFlags, SignGroup: SignsGeneral, Signs: []string{"legs that feel weak, numb or wobbly, so it is hard to walk or stand"},
		Terms: []string{"difficulty walking", "trouble walking", "wobbly", "cannot walk", "can't walk"},
		Condition: "Back pain with legs that feel weak, numb or wobbly so that walking or standing is hard, not just " +
			"painful (NHS Gloucestershire lists gait disturbance with the cauda equina signs; NICE NG234 lists " +
			"difficulty walking among the signs of spinal cord compression).",
		Reason: "You said your legs feel weak, numb or wobbly, so it is hard to walk or stand. With back pain this can " +
			"mean the nerves in the spine are being squeezed, which needs checking straight away.",
		When: yes(KeyWalkingDifficulty),
	},
	{
		ID: "chest-pain", Title: "Chest pain", Keys: []string{KeyChestPain},
		Outcome: Emergency, Source: srcNHSBackPain, SignGroup: SignsGeneral, Signs: []string{"chest pain, pressure or tightness, or pain in your back, arm, neck or jaw with sweating, feeling sick or short of breath"},
		Terms: []string{"chest pain", "chest", "breathless", "breathlessness", "short of breath", "jaw"},
		Condition: "Back pain with chest pain, pressure or tightness; or pain in the back, arm, neck or jaw with sweating, " +
			"feeling sick or short of breath (NHS: call the emergency number; heart attack pain can spread to the back, and some people " +
			"have no chest pain). Arm pain alone, common with neck problems, is not on its own a heart sign.",
		Reason: "You said you have chest pain or tightness, or pain with sweating, feeling sick or short of breath. With " +
			"back pain this can be a sign of a heart attack or a problem with the main blood vessel, not the back.",
		When: yes(KeyChestPain),
	},
	{
		ID: "aorta-tearing-pain", Title: "Sudden tearing pain", Keys: []string{KeyTearingPain},
		Outcome: Emergency, Source: srcHSEAorticDissection, SignGroup: SignsGeneral,
		Signs: []string{"sudden, severe pain in your back, chest or tummy that feels like tearing or ripping"},
		Terms: []string{"tearing", "ripping", "aorta", "aortic", "aneurysm"},
		Condition: "Sudden, severe pain in the back, chest or tummy that feels like tearing or ripping (HSE/NHS: a tear in " +
			"the main blood vessel, aortic dissection, or a burst aortic aneurysm; call the emergency number).",
		Reason: "You said you have sudden, severe pain that feels like tearing or ripping. This can come from the main " +
			"blood vessel in the body (the aorta), which is an emergency.",
		When: yes(KeyTearingPain),
	},
	{
		ID: "aorta-faint-clammy", Title: "Feeling faint or clammy", Keys: []string{KeyFaintOrClammy},
		Outcome: Emergency, Source: srcNHSAAA, SignGroup: SignsGeneral, Signs: []string{"sudden, bad back or tummy pain, and you have fainted or nearly fainted, or are pale, cold and clammy"},
		Terms: []string{"faint", "fainted", "fainting", "clammy"},
		Condition: "Back or tummy pain that came on suddenly and badly, with fainting or nearly fainting, or pale, cold, " +
			"clammy skin (NHS: signs of a burst abdominal aortic aneurysm; call the emergency number). Brief light-headedness on its own " +
			"is not this sign.",
		Reason: "You said your pain came on suddenly and badly and you have fainted or nearly fainted, or are pale, cold " +
			"and clammy. This can be a sign of bleeding from the main blood vessel (the aorta), and needs help straight away.",
		When: yes(KeyFaintOrClammy),
	},
	{
		ID: "major-trauma", Title: "A serious injury", Keys: []string{KeyMajorTrauma},
		Outcome: Emergency, Source: srcNHSBackPain, SignGroup: SignsGeneral,
		Signs:     []string{"pain that started after a serious fall, accident or blow"},
		Terms:     []string{"serious fall", "accident", "car crash", "blow"},
		Condition: "Back pain that began after a serious fall, accident or blow (NHS: emergency care now).",
		Reason: "You said your pain started after a serious fall, accident or blow. A broken bone in the spine needs " +
			"to be ruled out straight away; try not to move more than you need to.",
		When: yes(KeyMajorTrauma),
	},
	{
		ID: "neck-sudden-headache", Title: "Neck pain with a sudden severe headache", Keys: []string{KeyNeckSuddenHeadache},
		Outcome: Emergency, Source: srcNHSNeckPain, SignGroup: SignsNeck,
		Signs:     []string{"pain that came on suddenly with a severe headache"},
		Terms:     []string{"severe headache", "sudden headache", "worst headache"},
		Condition: "Neck pain that came on suddenly with a severe headache (NHS: a possible bleed on the brain; call the emergency number).",
		Reason: "You said your neck pain came on suddenly with a severe headache. Rarely, this is a sign of bleeding " +
			"around the brain, which needs help straight away.",
		When: yes(KeyNeckSuddenHeadache),
	},
	{
		ID: "neck-nerve-signs", Title: "Neck pain with changes in vision, speech or balance", Keys: []string{KeyNeckNerveSigns},
		Outcome: Emergency, Source: srcNHSNeckPain, SignGroup: SignsNeck, Signs: []string{"double vision, slurred speech, trouble swallowing, a drooping face, or sudden dizziness with unsteadiness"},
		Terms: []string{"double vision", "slurred", "swallowing", "drooping", "vision"},
		Condition: "Neck pain with double vision, slurred speech, trouble swallowing, a drooping face, or sudden " +
			"dizziness with unsteadiness (NHS: a possible tear in an artery of the neck; call the emergency number).",
		Reason: "You said that since your neck pain started you have had changes such as double vision, slurred speech, " +
			"trouble swallowing or sudden dizziness. This can be a sign of a problem with the blood supply to the brain, " +
			"which needs help straight away.",
		When: yes(KeyNeckNerveSigns),
	},
	{
		ID: "neck-fever-stiff", Title: "A stiff neck with a fever or rash", Keys: []string{KeyNeckFeverStiff},
		Outcome: Emergency, Source: srcNHSMeningitis, SignGroup: SignsNeck,
		Signs:     []string{"a high temperature with a stiff neck, or a rash that does not fade under a glass"},
		Terms:     []string{"stiff neck", "rash", "meningitis"},
		Condition: "A high temperature with a stiff neck, or a rash that does not fade (NHS: signs of meningitis; call the emergency number).",
		Reason: "You said you have a high temperature with a stiff neck, or a rash that does not fade. These can be " +
			"signs of meningitis, which needs help straight away.",
		When: yes(KeyNeckFeverStiff),
	}, {
		ID: "pregnancy-heavy-bleeding", Title: "Heavy bleeding or constant pain in pregnancy", Keys: []string{KeyPregHeavyBleeding},
		Outcome: Emergency, Source: srcNHSPregnancyBackPain, SignGroup: SignsPregnancy,
		Signs: []string{"heavy bleeding from your vagina, or sharp or constant tummy pain that does not come and go"},
		Terms: []string{"heavy bleeding", "constant tummy pain"},
		Condition: "Pregnant, with heavy bleeding from the vagina, or sharp or constant tummy pain that does not come and " +
			"go in waves (NHS trusts' maternity advice: call the emergency number).",
		Reason: "You said you are pregnant and have heavy bleeding, or sharp or constant tummy pain. This needs help " +
			"straight away. Call your {{maternity}} on the way if you can.",
		When: yes(KeyPregHeavyBleeding),
	},
	{
		ID: "cancer-nerve-symptoms", Title: "Cancer with nerve symptoms", Keys: []string{KeyCancer, KeyCancerStatus, KeyLegWeaknessWorsening, KeyNumbnessTingling, KeyLegPainBelowKnee,
			KeyArmNumbWeak, KeyBandPain, KeyNeckClumsyHands},
		Outcome: Emergency, Source: srcNICENG234, SignGroup: SignsCancer, Directive: cancerTeamNow,
		Signs: []string{"weakness, numbness or pins and needles in an arm or leg, or clumsy hands",
			"pain shooting down a leg, or wrapping round your chest or tummy like a band"},
		Terms: []string{"cancer", "myeloma", "oncology"}, Condition: "Cancer now, treated in the last 5 years or in the bones, with a limb getting weaker, numbness or " +
			"tingling in an arm or leg, pain down a leg below the knee or round the chest like a band (nerve-root pain), " +
			"or clumsy hands (NICE NG234: with neurological symptoms, contact the specialist team immediately). The " +
			"advice leads with the cancer team's 24-hour line and {{emergency-number}} if they cannot be reached; difficulty walking and " +
			"bladder or bowel changes are emergency rules for everyone.",
		Reason: "You said you have cancer (now, recently or in the bones) and nerve symptoms such as weakness, numbness " +
			"or pain down a leg. This can be a sign of cancer pressing on the spinal cord, which needs treatment straight away.", When: func(a Answers) bool {
			return a.cancerRecent() && a.anyYes(KeyLegWeaknessWorsening, KeyNumbnessTingling, KeyLegPainBelowKnee,
				KeyArmNumbWeak, KeyBandPain, KeyNeckClumsyHands)
		},
	},

	// Urgent: get help today (NHS 111, an urgent GP appointment or urgent care).
	{
		ID: "fever", Title: "Fever or feeling very unwell", Keys: []string{KeyFever},
		Outcome: Urgent, Source: srcNHSBackPain, SignGroup: SignsGeneral,
		Signs: []string{"a high temperature, or you feel hot, shivery or very unwell"},
		Terms: []string{"fever", "high temperature", "shivery", "temperature"},
		Condition: "Back pain with fever, chills, or feeling hot, cold, shivery or very unwell (NHS: same-day " +
			"care).",
		Reason: "You said you have a high temperature or feel hot, shivery or very unwell. With back pain this can be a " +
			"sign of an infection, which should be checked today. If you feel very ill, confused or faint, call {{emergency-number}}.",
		When: yes(KeyFever),
	},
	{
		ID: "injects-drugs", Title: "Injecting drugs", Keys: []string{KeyInjectsDrugs},
		Outcome: Urgent, Source: srcDarouiche2006, SignGroup: SignsGeneral,
		Signs: []string{"you inject drugs, with or without a temperature"},
		Terms: []string{"inject drugs", "injecting", "injects"},
		Condition: "Back pain in someone who injects drugs, with or without a fever (NHS Gloucestershire lists IV drug " +
			"use as a red flag for spinal infection; Darouiche 2006: fever is absent in many people with a spinal " +
			"abscess, so Backwise does not wait for one).",
		Reason: "You said you inject drugs. With back pain, this makes an infection in or around the spine more likely, " +
			"even without a temperature, so you should be checked today. Tell them you inject; they will not judge you.",
		When: yes(KeyInjectsDrugs),
	},
	{
		ID: "leg-weakness-progressive", Title: "One leg getting weaker", Keys: []string{KeyLegWeaknessWorsening},
		Outcome: Urgent, Source: srcACP2007, SignGroup: SignsGeneral,
		Signs: []string{"one leg getting weaker, or a foot that drags or slaps when you walk"},
		Terms: []string{"weaker", "foot drop", "drags", "slaps"},
		Condition: "A leg getting weaker, or a foot that drags or slaps. Sources disagree: the NHS sends leg weakness " +
			"to emergency care only when both legs are affected, while NHS Gloucestershire groups progressive weakness with " +
			"cauda equina syndrome and ACP/APS 2007 asks for prompt imaging. Backwise chooses same-day care; weakness " +
			"in both legs or new difficulty walking is an emergency rule.",
		Reason: "You said a leg is getting weaker or a foot drags or slaps. Weakness that is getting worse can mean a " +
			"nerve is badly squeezed and should be checked today.",
		When: yes(KeyLegWeaknessWorsening),
	},
	{
		ID: "fragile-bones-minor-injury", Title: "Fragile bones and a minor fall, cough or lift",
		Keys:    []string{KeyOsteoporosis, KeySteroids, KeyMinorFall, KeyCoughOrLift},
		Outcome: Urgent, Source: srcNorthernTrust, SignGroup: SignsGeneral,
		Signs: []string{"pain after a minor fall, bump, cough or lift, if you have fragile bones or take steroid tablets"},
		Terms: []string{"minor fall", "fragile bones", "osteoporosis", "thin bones", "bump"},
		Condition: "Osteoporosis or long-term steroid tablets, and pain that started after a minor fall, bump, cough, " +
			"sneeze or lift (NHS Gloucestershire: minor trauma with osteoporosis or steroids is a fracture red flag; " +
			"the Northern Trust sends it to the emergency department). One urgency everywhere on Backwise: the same day.",
		Reason: "You said you have fragile bones or take steroid tablets, and the pain started after a minor fall, bump, " +
			"cough or lift. This can break a bone in the spine, so you should be checked today. If you cannot stand or " +
			"the pain is very severe, go to {{emergency-department}}.",
		When: func(a Answers) bool {
			return a.anyYes(KeyOsteoporosis, KeySteroids) && a.anyYes(KeyMinorFall, KeyCoughOrLift)
		},
	},
	{
		ID: "older-minor-fall", Title: "A fall at 65 or over", Keys: []string{KeyAge, KeyMinorFall},
		Outcome: Urgent, Source: srcNorthernTrust, SignGroup: SignsGeneral,
		Signs: []string{"pain after a fall or bump, even a small one, if you are 65 or over"},
		Terms: []string{"minor fall", "small fall", "a fall"},
		Condition: "Age 65 or over with pain that started after a fall or bump (the Northern Trust sends pain after minor " +
			"trauma in older people to the emergency department; thin bones are common and often not yet known).",
		Reason: "You said you are 65 or over and the pain started after a fall or bump. Later in life a small fall can " +
			"break a bone in the spine, even without a known bone problem, so you should be checked today.",
		When: func(a Answers) bool { return a.ageAtLeast(65) && a.Yes(KeyMinorFall) },
	},
	{
		ID: "severe-unrelieved", Title: "Severe pain that nothing eases", Keys: []string{KeySevereUnrelieved},
		Outcome: Urgent, Source: srcNHSBackPain, SignGroup: SignsGeneral, Signs: []string{"severe pain that nothing eases, not even rest or painkillers, and it is not getting better"},
		Terms: []string{"nothing eases", "not eased", "unbearable"}, Condition: "Severe pain not eased by rest, lying still or painkillers, and not getting better (NHS: severe pain " +
			"needs an urgent {{gp}} appointment or {{urgent-service}}; pain that does not ease with rest is not typical of a strain).",
		Reason: "You said your pain is severe and nothing eases it, not even rest or painkillers. Pain like this should " +
			"be checked today, both to find the cause and to control it.", When: func(a Answers) bool { return a.Yes(KeySevereUnrelieved) && a.notImproving() },
	},
	{
		ID: "severe-worsening-quickly", Title: "Strong pain getting worse quickly", Keys: []string{KeyTrend, KeyIntensity},
		Outcome: Urgent, Source: srcNHSBackPain, SignGroup: SignsGeneral,
		Signs: []string{"severe pain that is getting worse quickly"},
		Terms: []string{"worse quickly", "getting worse fast"},
		Condition: "Pain of 7 or more out of 10 that is getting worse quickly (NHS 2026: severe pain that is getting " +
			"worse quickly needs an same-day care). Severe pain that is easing is not on this list: " +
			"new back pain often has a few very bad days.",
		Reason: "You said your pain is strong (7 or more out of 10 on average) and getting worse quickly. The NHS " +
			"advises getting help today for severe back pain that is getting worse quickly.",
		When: func(a Answers) bool { return a.trendIs(TrendWorseningQuickly) && a.intensityAtLeast(7) },
	},
	{
		ID: "neck-clumsy-hands", Title: "Clumsy hands or a change in walking", Keys: []string{KeyNeckClumsyHands},
		Outcome: Urgent, Source: srcNHSNeckPain, SignGroup: SignsNeck,
		Signs: []string{"hands that have become clumsy, or a change in the way you walk"},
		Terms: []string{"clumsy"},
		Condition: "Neck pain with clumsy hands or a change in walking or balance (signs that the spinal cord in the " +
			"neck may be squeezed; same-day assessment).",
		Reason: "You said your hands have become clumsy or the way you walk has changed. With neck pain this can mean " +
			"the spinal cord in the neck is being squeezed, which should be checked today.",
		When: yes(KeyNeckClumsyHands),
	},
	{
		ID: "pregnancy-warning-signs", Title: "Warning signs in pregnancy",
		Keys: []string{KeyPregBleeding, KeyPregContractions, KeyPregFluid, KeyPregFeverOrPeeing, KeyPregSidePain,
			KeyPregBabyMovesLess, KeyPregHeadacheVision}, Outcome: Urgent, Source: srcNHSPregnancyBackPain, SignGroup: SignsPregnancy, Directive: maternityNow, Signs: []string{"any bleeding from your vagina, or fluid leaking", "regular tightenings or pains that come in waves",
			"a high temperature, or pain or burning when you pee", "pain in your side, just under your ribs",
			"your baby moving less than usual", "a severe headache, changes in your vision, or sudden swelling of your face, hands or feet"},
		Terms: []string{"maternity", "contractions", "baby moving", "movements", "waters"},
		Condition: "Pregnant, with bleeding, contractions, leaking fluid, a fever or pain when peeing, pain on one side, " +
			"reduced baby movements, or a severe headache, vision changes or sudden swelling (NHS: contact your " +
			"midwife or maternity unit straight away).", Reason: "You said you are pregnant and have a sign that your maternity team needs to know about now, day or night. " +
			"They can check you and your baby.",
		When: anyOf(KeyPregBleeding, KeyPregContractions, KeyPregFluid, KeyPregFeverOrPeeing, KeyPregSidePain,
			KeyPregBabyMovesLess, KeyPregHeadacheVision),
	},
	{
		ID: "cancer-in-bones", Title: "Cancer in the bones and back pain", Keys: []string{KeyCancer, KeyCancerStatus},
		Outcome: Urgent, Source: srcNICENG234, SignGroup: SignsCancer, Directive: cancerTeamToday,
		Signs: []string{"any new pain, if the cancer is in your bones or you have myeloma"},
		Terms: []string{"cancer", "myeloma"}, Condition: "Cancer that has spread to the bones, or myeloma, with back pain that is new (under 12 weeks) or not " +
			"improving (NICE NG234: spinal pain in someone with cancer may be a spinal metastasis; contact the acute " +
			"oncology team within 24 hours). The spine is the commonest place for cancer in the bones.",
		Reason: "You said your cancer has spread to your bones, or you have myeloma. New back pain then needs checking " +
			"today, to make sure the cancer is not affecting your spine.", When: func(a Answers) bool {
			return a.cancerIs(CancerInBones) && (!a.durationIs(DurationOver12Weeks) || a.notImproving())
		},
	},
	{
		ID: "cancer-spinal-site", Title: "Cancer and pain higher up the spine", Keys: []string{KeyCancer, KeyCancerStatus, KeyLocation},
		Outcome: Urgent, Source: srcNICENG234, SignGroup: SignsCancer, Directive: cancerTeamToday,
		Signs: []string{"pain in your middle or upper back, or your neck"},
		Terms: []string{"cancer"},
		Condition: "Cancer now or in the last 5 years, with pain in the middle or upper back or the neck (NICE NG234: " +
			"thoracic or cervical spinal pain in someone with cancer needs contact within 24 hours).",
		Reason: "You said you have cancer (now or in the last 5 years) and pain in your middle or upper back or your " +
			"neck. After cancer, pain here should be checked within 24 hours to rule out cancer in the spine.",
		When: func(a Answers) bool {
			return a.cancerRecent() && (a.HasLocation(LocationMiddle) || a.HasLocation(LocationUpper) || a.HasLocation(LocationNeckShoulder))
		},
	},
	{
		ID: "cancer-progressive-pain", Title: "Cancer and pain that keeps getting worse", Keys: []string{KeyCancer, KeyCancerStatus, KeyTrend},
		Outcome: Urgent, Source: srcNICENG234, SignGroup: SignsCancer, Directive: cancerTeamToday,
		Signs:     []string{"pain that keeps getting worse"},
		Terms:     []string{"cancer"},
		Condition: "Cancer now or in the last 5 years, with back pain that is getting worse (NICE NG234: progressive spinal pain, within 24 hours).",
		Reason: "You said you have cancer (now or in the last 5 years) and your pain is getting worse. After cancer, " +
			"pain like this should be checked within 24 hours.",
		When: func(a Answers) bool { return a.cancerRecent() && a.worsening() },
	},
	{
		ID: "cancer-pain-pattern", Title: "Cancer and pain at night, on straining or a tender spine",
		Keys:    []string{KeyCancer, KeyCancerStatus, KeyNightPain, KeyPainOnStraining, KeySpineTenderness, KeySevereUnrelieved},
		Outcome: Urgent, Source: srcNICENG234, SignGroup: SignsCancer, Directive: cancerTeamToday,
		Signs: []string{"pain that stops you sleeping, pain when you cough, sneeze or strain, or a tender spot on your spine"},
		Terms: []string{"cancer"},
		Condition: "Cancer now or in the last 5 years, with pain at night that stops sleep, pain on coughing, sneezing " +
			"or straining, a tender spot on the spine, or severe pain that nothing eases (NICE NG234: within 24 hours).",
		Reason: "You said you have cancer (now or in the last 5 years) and your pain is worse at night or on straining, " +
			"a spot on your spine is tender, or nothing eases it. After cancer, pain like this should be checked within 24 hours.",
		When: func(a Answers) bool {
			return a.cancerRecent() && a.anyYes(KeyNightPain, KeyPainOnStraining, KeySpineTenderness, KeySevereUnrelieved)
		},
	},

	// Doctor: book a GP appointment or refer yourself to physiotherapy.
	{
		ID: "cancer-recent", Title: "Cancer now or in the last 5 years", Keys: []string{KeyCancer, KeyCancerStatus},
		Outcome: Doctor, GPOnly: true, Source: srcHenschke2013, SignGroup: SignsGeneral,
		Signs: []string{"you have cancer now, or finished treatment in the last 5 years"},
		Condition: "Cancer now or treated in the last 5 years, with none of the patterns above (a history of cancer is " +
			"the only red flag with good evidence as a sign of spinal cancer, Cochrane 2013).",
		Reason: "You said you have cancer now or were treated in the last 5 years. Cancer is the warning sign most " +
			"clearly linked to serious causes of back pain, so a doctor should check your pain, and your cancer team " +
			"should agree before you have massage.",
		When: func(a Answers) bool { return a.cancerRecent() },
	},
	{
		ID: "cancer-long-ago", Title: "Cancer long ago and pain that is not settling",
		Keys:    []string{KeyCancer, KeyCancerStatus, KeyDuration, KeyTrend},
		Outcome: Doctor, GPOnly: true, Source: srcHenschke2013,
		Condition: "Cancer treated more than 5 years ago, with pain that has lasted 3 days or more and is not getting " +
			"better. A cancer long ago does not change the advice for pain that is easing.",
		Reason: "You said you had cancer more than 5 years ago and your pain is not getting better. That is very " +
			"likely to have another cause, but a doctor should check it.",
		When: func(a Answers) bool { return a.cancerIs(CancerLongAgo) && a.atLeast3Days() && a.notImproving() },
	},
	{
		ID: "cancer-long-ago-pattern", Title: "Cancer long ago with a tender spine or leg pain",
		Keys:    []string{KeyCancer, KeyCancerStatus, KeySpineTenderness, KeyLegPainBelowKnee},
		Outcome: Doctor, GPOnly: true, Source: srcNICENG234,
		Condition: "Cancer treated more than 5 years ago, with a tender spot on the spine or pain down a leg (NICE " +
			"NG234 lists local tenderness and nerve-root pain; a GP's check is enough this long after treatment).",
		Reason: "You said you had cancer more than 5 years ago, and a spot on your spine is tender or pain goes down your " +
			"leg. That very likely has another cause, but a {{gp}} should take a look.",
		When: func(a Answers) bool {
			return a.cancerIs(CancerLongAgo) && a.anyYes(KeySpineTenderness, KeyLegPainBelowKnee)
		},
	},
	{
		ID: "weight-loss", Title: "Weight loss without trying", Keys: []string{KeyWeightLoss, KeyAge},
		Outcome: Doctor, GPOnly: true, Source: srcNICENG12, SignGroup: SignsGeneral,
		Signs: []string{"you have lost weight without trying"},
		Terms: []string{"weight loss", "lost weight"},
		Condition: "Weight loss without trying (NHS 2026: see a GP; NICE NG12: at 60 or over with back pain, consider " +
			"urgent tests within 2 weeks, so the reason asks for an appointment soon).", Reason: "You said you have lost weight without trying. With back pain, a doctor should find out why: ask your GP " +
			"for an appointment within a week and mention the weight loss. At 60 or over, NICE advises tests within 2 weeks.",
		When: yes(KeyWeightLoss),
	},
	{
		ID: "night-pain", Title: "Pain at night or all the time", Keys: []string{KeyNightPain},
		Outcome: Doctor, GPOnly: true, Source: srcNHSBackPain, SignGroup: SignsGeneral,
		Signs:     []string{"pain that is worse at night, or does not ease whatever you do"},
		Condition: "Pain worse at night, or constant and not eased by rest (NHS 2026: see a GP; urgent after cancer).",
		Reason: "You said your pain is worse at night or is there all the time. Pain from muscles and joints usually " +
			"eases with rest, so a doctor should check it.",
		When: yes(KeyNightPain),
	},
	{
		ID: "pain-on-straining", Title: "Pain on coughing, sneezing or straining", Keys: []string{KeyPainOnStraining},
		Outcome: Doctor, GPOnly: true, Source: srcNHSBackPain, SignGroup: SignsGeneral,
		Signs:     []string{"pain that is worse when you cough, sneeze or strain on the toilet"},
		Condition: "Pain worse on coughing, sneezing or straining (NHS 2026: see a GP; urgent after cancer).",
		Reason: "You said your pain is worse when you cough, sneeze or strain. The NHS advises a {{gp}} check for back pain " +
			"like this.",
		When: yes(KeyPainOnStraining),
	},
	{
		ID: "lump-or-shape-change", Title: "A lump or a change in shape", Keys: []string{KeyLumpOrShapeChange},
		Outcome: Doctor, GPOnly: true, Source: srcNHSBackPain, SignGroup: SignsGeneral,
		Signs:     []string{"a lump or swelling on your back, or a change in its shape"},
		Condition: "A lump, swelling or change in the shape of the back (NHS 2026: see a GP).",
		Reason:    "You said you have a lump or swelling on your back, or its shape has changed. A {{gp}} should take a look.",
		When:      yes(KeyLumpOrShapeChange),
	},
	{
		ID: "thoracic-no-strain", Title: "Middle or upper back pain with no clear cause",
		Keys:    []string{KeyLocation, KeyObviousStrain},
		Outcome: Doctor, Source: srcNHSBackPain, SignGroup: SignsGeneral,
		Signs: []string{"pain in your middle or upper back that did not start with an obvious strain"},
		Condition: "Pain in the middle or upper back that did not start after an obvious strain (NHS 2026: see a GP " +
			"for pain between the shoulders; RCGP triage lists thoracic pain as a red flag). After an obvious strain, " +
			"such as lifting or gardening, tight muscles are the likely cause and self-care fits.",
		Reason: "You said your pain is in your middle or upper back and did not start with an obvious strain. Pain here " +
			"comes from muscles less often than lower back pain, so the NHS advises seeing a {{gp}}.",
		When: func(a Answers) bool {
			return (a.HasLocation(LocationMiddle) || a.HasLocation(LocationUpper)) && !a.Yes(KeyObviousStrain)
		},
	},
	{
		ID: "first-episode-50-plus", Title: "A first bout of back pain at 50 or over",
		Keys:    []string{KeyAge, KeyBackPainBefore, KeyTrend, KeyObviousStrain},
		Outcome: Doctor, Source: srcACP2007, SignGroup: SignsGeneral,
		Signs: []string{"back pain for the first time at 50 or over, unless it is clearly easing after an obvious strain"},
		Condition: "Age 50 or over, back pain like this for the first time, and not clearly improving after an obvious " +
			"strain (ACP/APS 2007: age over 50 is a flag for a serious cause; RCGP uses 55). New back pain later in " +
			"life is never sent straight to massage.",
		Reason: "You said you are 50 or over and have not had back pain like this before. A first bout of back pain at " +
			"this age should be checked by a {{gp}} or physiotherapist before you start massage, unless it is clearly " +
			"easing after an obvious strain.",
		When: func(a Answers) bool {
			return a.ageAtLeast(50) && a.No(KeyBackPainBefore) && !(a.trendIs(TrendImproving) && a.Yes(KeyObviousStrain))
		},
	},
	{
		ID: "osteoporosis", Title: "Fragile bones", Keys: []string{KeyOsteoporosis},
		Outcome: Doctor, GPOnly: true, Source: srcGlosRedFlags,
		Condition: "Osteoporosis or a past fragility fracture (NHS Gloucestershire: a fracture risk; Mayo Clinic: massage " +
			"may not be appropriate with severe osteoporosis, and the questionnaire cannot tell how severe).",
		Reason: "You said you have osteoporosis or have broken a bone easily. Back pain can come from a small break in " +
			"the spine even without a fall, so a {{gp}} should check it before you start massage.",
		When: yes(KeyOsteoporosis),
	},
	{
		ID: "steroids", Title: "Long-term steroid tablets", Keys: []string{KeySteroids},
		Outcome: Doctor, GPOnly: true, Source: srcGlosRedFlags, SignGroup: SignsGeneral,
		Signs:     []string{"you have taken steroid tablets for 3 months or more"},
		Condition: "Steroid tablets for 3 months or more (NHS Gloucestershire: a red flag for fracture and for infection).",
		Reason: "You said you have taken steroid tablets for 3 months or more. They thin the bones and can hide " +
			"infections, so a {{gp}} should check your back pain.",
		When: yes(KeySteroids),
	},
	{
		ID: "immunosuppressed", Title: "A weakened immune system", Keys: []string{KeyImmunosuppressed},
		Outcome: Doctor, GPOnly: true, Source: srcGlosRedFlags, SignGroup: SignsGeneral,
		Signs:     []string{"your immune system is weakened, for example by chemotherapy or HIV"},
		Condition: "Chemotherapy, HIV, an organ transplant or immune-suppressing medicines (NHS Gloucestershire: a red flag for spinal infection).",
		Reason: "You said your immune system is weakened. That makes infections in the spine more likely, so a {{gp}} " +
			"should check your pain, and any temperature needs help the same day.",
		When: yes(KeyImmunosuppressed),
	},
	{
		ID: "recent-surgery", Title: "An operation in the last 3 months", Keys: []string{KeyRecentSurgery},
		Outcome: Doctor, GPOnly: true, Source: srcNCCIH,
		Condition: "An operation in the last 3 months (new back pain after surgery needs a clinician's view; older " +
			"NCCIH/NCCAM safety text: no massage over areas of recent surgery).",
		Reason: "You said you have had an operation in the last 3 months. New back pain after surgery should be " +
			"checked, and massage near the operation needs your surgeon's agreement.",
		When: yes(KeyRecentSurgery),
	},
	{
		ID: "numbness-tingling", Title: "Numbness or pins and needles in a leg", Keys: []string{KeyNumbnessTingling},
		Outcome: Doctor, Source: srcMayoHS, SignGroup: SignsGeneral,
		Signs:     []string{"numbness or pins and needles in one leg or foot"},
		Condition: "Numbness or tingling in one leg or foot (Mayo Clinic Health System: make an appointment).",
		Reason: "You said you have numbness or pins and needles in a leg or foot. A nerve may be involved, so a {{gp}} " +
			"or physiotherapist should examine you.",
		When: yes(KeyNumbnessTingling),
	}, {
		ID: "arm-nerve-symptoms", Title: "Numbness or weakness in an arm", Keys: []string{KeyArmNumbWeak},
		Outcome: Doctor, Source: srcNHSNeckPain, SignGroup: SignsGeneral,
		Signs:     []string{"weakness, numbness or pins and needles in an arm or hand"},
		Condition: "Weakness, numbness or tingling in an arm or hand (a nerve in the neck may be squeezed; see a GP).",
		Reason: "You said you have weakness, numbness or pins and needles in an arm or hand. A nerve may be involved, so " +
			"a {{gp}} or physiotherapist should examine you.",
		When: yes(KeyArmNumbWeak),
	},
	{
		ID: "band-pain", Title: "Pain like a band round the chest or tummy", Keys: []string{KeyBandPain},
		Outcome: Doctor, GPOnly: true, Source: srcGlosRedFlags, SignGroup: SignsGeneral,
		Signs: []string{"pain that wraps round your chest or tummy like a band"},
		Condition: "Pain wrapping round the chest or tummy like a band (a nerve-root pattern from the middle of the " +
			"spine; NHS Dumfries and Galloway lists band-like thoracic pain; shingles can start this way too).",
		Reason: "You said the pain wraps round your chest or tummy like a band. A nerve from the middle of the spine may be " +
			"irritated, or it may be something else such as shingles, so a {{gp}} should check it.",
		When: yes(KeyBandPain),
	},
	{
		ID: "older-cough-or-lift", Title: "Sudden pain with a cough or lift at 65 or over", Keys: []string{KeyAge, KeyCoughOrLift},
		Outcome: Doctor, GPOnly: true, Source: srcACP2007,
		Condition: "Age 65 or over with pain that started suddenly with a cough, sneeze, bend or lift (ACP/APS 2007 lists " +
			"older age with a compression fracture; undiagnosed thin bones are common).",
		Reason: "You said you are 65 or over and the pain started suddenly with a cough, sneeze, bend or lift. Later in " +
			"life this can come from a small break in a thinned bone, so a {{gp}} should check it.",
		When: func(a Answers) bool { return a.ageAtLeast(65) && a.Yes(KeyCoughOrLift) },
	},
	{
		ID: "sciatica-not-settling", Title: "Leg pain that is not settling",
		Keys:    []string{KeyLegPainBelowKnee, KeyDuration, KeyTrend},
		Outcome: Doctor, Source: srcNHSSciatica,
		Condition: "Pain down one leg below the knee that has lasted 6 weeks or more, or is getting worse (NHS " +
			"sciatica: usually better in 4 to 6 weeks; see a GP if it is not better or is getting worse).",
		Reason: "You said pain goes down your leg below the knee and has lasted 6 weeks or more or is getting worse. " +
			"This is often sciatica, and the NHS advises seeing a {{gp}} when it is not settling.",
		When: func(a Answers) bool {
			return a.Yes(KeyLegPainBelowKnee) && (a.sixWeeksOrMore() || a.worsening())
		},
	},
	{
		ID: "not-improving-after-2-weeks", Title: "Not getting better after 2 weeks", Keys: []string{KeyDuration, KeyTrend},
		Outcome: Doctor, Source: srcNHSBackPain, SignGroup: SignsGeneral,
		Signs: []string{"it is not getting better after 2 to 4 weeks"},
		Condition: "Pain for 2 to 12 weeks that is not getting better (NHS: see a GP, or refer yourself to " +
			"physiotherapy, if it is not better after a few weeks; NHS Gloucestershire: failure to improve after a " +
			"month). Stable pain for more than 12 weeks leads to a therapist instead, unless another rule applies.",
		Reason: "You said your pain has lasted 2 weeks or more and is not getting better. The NHS advises seeing a {{gp}} " +
			"or a physiotherapist when back pain has not improved after a few weeks.",
		When: func(a Answers) bool {
			return a.durationIs(Duration2To6Weeks, Duration6To12Weeks) && a.notImproving()
		},
	},
	{
		ID: "pain-worsening", Title: "Pain getting worse", Keys: []string{KeyDuration, KeyTrend},
		Outcome: Doctor, Source: srcNHSBackPain, SignGroup: SignsGeneral,
		Signs: []string{"it keeps getting worse"},
		Condition: "Pain getting worse after the first 3 days, or getting worse quickly at any time (NHS: see a GP if " +
			"back pain is getting worse). In the first 3 days stiffness often peaks before it eases.",
		Reason: "You said your pain is getting worse. The NHS advises seeing a {{gp}} when back pain keeps getting worse.",
		When: func(a Answers) bool {
			return (a.worsening() && a.atLeast3Days()) || a.trendIs(TrendWorseningQuickly)
		},
	},
	{
		ID: "very-severe-not-improving", Title: "Very severe pain that is not easing", Keys: []string{KeyIntensity, KeyTrend},
		Outcome: Doctor, Source: srcNHSBackPain,
		Condition: "Pain of 8 or more out of 10 on average that is not getting better (NHS: see a GP if the pain is " +
			"very severe). Very severe pain that is easing stays with self-care and a clear safety net.",
		Reason: "You said your pain is very severe (8 or more out of 10 on average) and not easing. A {{gp}} can help you " +
			"find out why and control the pain.",
		When: func(a Answers) bool { return a.intensityAtLeast(8) && a.notImproving() },
	},
	{
		ID: "daily-life-severe", Title: "Strong pain stopping daily life", Keys: []string{KeyAffectsDailyLife, KeyIntensity, KeyTrend},
		Outcome: Doctor, Source: srcNHSBackPain, SignGroup: SignsGeneral,
		Signs: []string{"it stops you doing your normal daily activities"},
		Condition: "Pain of 7 or more out of 10 that stops sleep, work or daily activities and is not easing (NHS: see " +
			"a GP if back pain stops you doing day-to-day activities).",
		Reason: "You said your pain is strong (7 or more out of 10), is not easing and stops you doing everyday " +
			"things. The NHS advises seeing a {{gp}} when back pain stops your usual activities.",
		When: func(a Answers) bool {
			return a.Yes(KeyAffectsDailyLife) && a.intensityAtLeast(7) && a.notImproving()
		},
	},
	{
		ID: "older-not-improving", Title: "Age 55 or over and not improving", Keys: []string{KeyAge, KeyDuration, KeyTrend},
		Outcome: Doctor, Source: srcGlosRedFlags,
		Condition: "Age 55 or over with pain that has lasted 2 weeks or more and is not getting better. Age thresholds " +
			"differ (RCGP: over 55; NHS Gloucestershire: over 50 or 55; NICE NG12: 60 and over with persistent pain). " +
			"A first bout at 50 or over has its own rule.",
		Reason: "You said you are 55 or over and your pain is not getting better. Back pain later in life comes more " +
			"often from a cause that needs a doctor's check.", When: func(a Answers) bool { return a.ageAtLeast(55) && a.atLeast2Weeks() && a.notImproving() },
	},
	{
		ID: "under-20-not-improving", Title: "Under 20 and not improving", Keys: []string{KeyAge, KeyDuration, KeyTrend},
		Outcome: Doctor, Source: srcGlosRedFlags,
		Condition: "Age under 20 with pain that has lasted 2 weeks or more and is not getting better (RCGP triage and " +
			"NHS Gloucestershire list onset under 20 as a warning sign; back pain is common in teenagers, so age " +
			"alone never escalates).",
		Reason: "You said you are under 20 and your pain is not getting better. At your age, back pain that does not " +
			"settle should be checked.", When: func(a Answers) bool { return a.ageBelow(20) && a.atLeast2Weeks() && a.notImproving() },
	},

	// Therapist: a physiotherapist, or a massage therapist alongside exercise.
	{
		ID: "otc-not-helping", Title: "Painkillers not helping", Keys: []string{KeyOTCNotHelping},
		Outcome: Therapist, Source: srcACP2007,
		Condition: "Painkillers from a pharmacy have not helped enough (ACP/APS 2007: when self-care is not enough, add " +
			"a proven non-drug treatment, with exercise).",
		Reason: "You said painkillers from a pharmacy have not helped enough. A physiotherapist can give you a plan of " +
			"exercises; massage from a qualified therapist may help for a while alongside it.",
		When: yes(KeyOTCNotHelping),
	},
	{
		ID: "affects-daily-life", Title: "Pain getting in the way of daily life", Keys: []string{KeyAffectsDailyLife, KeyTrend},
		Outcome: Therapist, Source: srcNICENG59,
		Condition: "Pain that stops sleep, work or everyday activities and is not easing (NICE NG59: match support to " +
			"the impact of the pain; manual therapy such as massage only as part of a package that includes exercise).",
		Reason: "You said the pain is getting in the way of sleep, work or everyday things and is not easing. A " +
			"physiotherapist can help you get moving again; massage can be part of that, alongside exercise.",
		When: func(a Answers) bool { return a.Yes(KeyAffectsDailyLife) && a.notImproving() },
	},
	{
		ID: "strong-pain", Title: "Strong pain that is not easing", Keys: []string{KeyIntensity, KeyTrend},
		Outcome: Therapist, Source: srcACP2007,
		Condition: "Pain of 7 or more out of 10 on average that is not easing (ACP/APS 2007: add a non-drug treatment " +
			"when self-care is not enough). Strong pain that is easing stays with self-care.",
		Reason: "You said your pain is strong (7 out of 10 or more) and not easing. Pain like this usually needs more " +
			"support than self-care alone.",
		When: func(a Answers) bool { return a.intensityAtLeast(7) && a.notImproving() },
	},
	{
		ID: "leg-pain-below-knee", Title: "Pain down one leg", Keys: []string{KeyLegPainBelowKnee},
		Outcome: Therapist, Source: srcNHSSciatica,
		Condition: "Pain down one leg below the knee (NHS sciatica: home treatment first, usually better in 4 to 6 " +
			"weeks; a physiotherapist can guide exercises). Lasting 6 weeks or more, or getting worse, is a doctor rule.",
		Reason: "You said pain goes down your leg below the knee, which is often sciatica. It usually gets better in " +
			"4 to 6 weeks; a physiotherapist can guide exercises that help.",
		When: yes(KeyLegPainBelowKnee),
	},
	{
		ID: "longer-lasting-pain", Title: "Pain for 6 weeks or more", Keys: []string{KeyDuration},
		Outcome: Therapist, Source: srcNICENG59,
		Condition: "Pain for 6 weeks or more (NICE NG59: exercise first; manual therapy such as massage only as part of " +
			"a package with exercise).",
		Reason: "You said your pain has lasted 6 weeks or more. Exercise is the treatment with the best evidence for " +
			"pain that lasts; a physiotherapist can plan it with you, and massage can be added alongside it. If a {{gp}} " +
			"or physiotherapist has never checked this pain, ask for a check too.",
		When: func(a Answers) bool { return a.sixWeeksOrMore() },
	},

	// Self-care: the fallback, with a reason that fits the answers.
	{
		ID: "self-care-improving", Title: "Getting better", Keys: []string{KeyDuration, KeyTrend},
		Outcome: SelfCare, Source: srcNHSBackPain,
		Condition: "Pain for less than 6 weeks that is getting better, with no warning signs (NHS: most back pain gets " +
			"better within a few weeks; keep active). This holds even when the pain is severe: easing is what matters.",
		Reason: "Your pain started in the last few weeks and is getting better, and you told us none of the warning " +
			"signs apply. Most back pain like this settles within a few weeks.",
		When: recentImproving,
	},
	{
		ID: "self-care", Title: "No sign that you need help now", Keys: []string{},
		Outcome: SelfCare, Source: srcNHSBackPain,
		Condition: "Any other answers, when no rule above applies: the fallback, so every result has a reason (NHS: " +
			"most back pain gets better within a few weeks; stay active).",
		Reason: "None of your answers point to a need for a doctor or therapist now. Most back pain gets better within " +
			"a few weeks with self-care and staying active.",
		// Not with the rule above, whose reason says the same more precisely.
		When: func(a Answers) bool { return !recentImproving(a) },
	},

	// Notes: they change where to go or what to say, at every outcome.
	{
		ID: "note-pregnancy", Title: "Pregnancy: your maternity team", Keys: []string{KeyPregnant},
		Source: srcNHSPregnancyBackPain,
		Condition: "Pregnant (NHS: back pain in pregnancy is common; a midwife or GP can advise, and the maternity " +
			"unit is the place for anything urgent).",
		Note: "You are pregnant: your midwife or {{maternity}} is the right team for anything to do with your " + "pregnancy, day or night. Tell any doctor or therapist that you are pregnant. Do not take ibuprofen unless a " +
			"doctor advises it; paracetamol is usually fine.",
		When: yes(KeyPregnant),
	},
	{
		ID: "note-recent-surgery", Title: "An operation: your surgical team", Keys: []string{KeyRecentSurgery},
		Source:    srcNCCIH,
		Condition: "An operation in the last 3 months (the team that operated knows what to expect after it).",
		Note: "You had an operation in the last 3 months: contact the team that did it, using the number on your " +
			"discharge letter. A temperature, or a wound that is red, hot or leaking, needs help the same day.",
		When: yes(KeyRecentSurgery),
	},
	{
		ID: "note-cancer-team", Title: "Cancer: your cancer team", Keys: []string{KeyCancer, KeyCancerStatus},
		Source:    srcNICENG234,
		Condition: "Cancer now, in the last 5 years or in the bones (NICE NG234: acute oncology services take these calls).",
		Note: "If you have a cancer team's 24-hour line or an acute oncology service, call them and tell them about " +
			"your back pain. They may want to see you sooner than a {{gp}} could.",
		When: func(a Answers) bool { return a.cancerRecent() },
	},
	{
		ID: "note-blood-thinners-injury", Title: "Blood thinners after an injury",
		Keys: []string{KeyBleedingRisk, KeyMajorTrauma, KeyMinorFall}, Source: srcNCCIH,
		Condition: "Blood thinners or a bleeding disorder, and pain after a fall or injury (bleeding after injuries is " +
			"more likely and more serious).",
		Note: "You take blood thinners and your pain started after a fall or a bump: tell whoever you see, " +
			"because injuries bleed more easily. New bruising or swelling over your spine, or new numbness or weakness, needs " +
			"help straight away.",
		When: func(a Answers) bool { return a.Yes(KeyBleedingRisk) && a.anyYes(KeyMajorTrauma, KeyMinorFall) },
	}, {
		ID: "note-blood-thinners-painkillers", Title: "Blood thinners and painkillers", Keys: []string{KeyBleedingRisk},
		Source:    srcNICENG59,
		Condition: "Blood thinners or a bleeding disorder (anti-inflammatory painkillers add to the risk of bleeding; NICE NG59 asks for their risks to be weighed).",
		Note: "You take blood thinners or bruise easily: ask a pharmacist before you take ibuprofen, naproxen or aspirin, " +
			"as they add to the risk of bleeding.",
		When: yes(KeyBleedingRisk),
	},

	// Cautions: they adapt the advice and never change the outcome.
	{
		ID: "caution-bleeding-risk", Title: "Blood thinners and massage", Keys: []string{KeyBleedingRisk}, Source: srcNCCIH,
		Condition: "Blood thinners or a bleeding or clotting disorder. Sources differ: NCCIH rules out forceful or " +
			"deep-tissue massage, while Mayo Clinic says massage may not be appropriate, so the caution also asks " +
			"you to check with your doctor first.",
		Caution: "Because of your blood thinners or bleeding risk: no deep-tissue or forceful massage and no firm " +
			"tools, and tell your therapist about your medicines. Check with your doctor or pharmacist before you " +
			"start, as some sources advise against massage altogether.",
		When: yes(KeyBleedingRisk),
	},
	{
		ID: "caution-skin-at-site", Title: "Broken skin where it hurts", Keys: []string{KeySkinProblemAtSite}, Source: srcMayoMassage,
		Condition: "A wound, rash, burn or skin infection where the pain is (NCCIH and Mayo Clinic: no massage over " +
			"broken skin, wounds or burns).",
		Caution: "Keep massage, tools and heat away from the wound, rash, burn or infection until it has healed. " +
			"See a pharmacist or {{gp}} if it looks infected.",
		When: yes(KeySkinProblemAtSite),
	},
	{
		ID: "caution-pregnancy", Title: "Pregnancy and massage", Keys: []string{KeyPregnant}, Source: srcNCCIH,
		Condition: "Pregnancy (NCCIH and Mayo Clinic: talk to your midwife or doctor before massage; use a therapist " +
			"trained in pregnancy massage).",
		Caution: "Because you are pregnant: check with your midwife or doctor before starting massage, and choose a " +
			"therapist trained in pregnancy massage. Avoid lying on your back on a foam roller.",
		When: yes(KeyPregnant),
	},
	{
		ID: "caution-fragile-bones", Title: "Fragile bones and massage", Keys: []string{KeyOsteoporosis, KeySteroids},
		Source: srcROS2019,
		Condition: "Osteoporosis, a past fragility fracture or long-term steroids (Mayo Clinic: severe osteoporosis is " +
			"a reason to avoid massage; Royal Osteoporosis Society: avoid repeated loaded forward bending and fast twisting).",
		Caution: "Because of your bones: once a doctor agrees to massage, gentle pressure only, with no forceful " +
			"techniques, firm tools or spinal manipulation. Avoid sit-ups, toe touches and fast twisting.",
		When: anyOf(KeyOsteoporosis, KeySteroids),
	},
	{
		ID: "caution-recent-surgery", Title: "An operation and massage", Keys: []string{KeyRecentSurgery}, Source: srcNCCIH,
		Condition: "An operation in the last 3 months (older NCCIH/NCCAM safety text: no massage over areas of recent " +
			"surgery).",
		Caution: "Keep massage away from the area of your operation until your surgeon says it has healed.",
		When:    yes(KeyRecentSurgery),
	},
	{
		ID: "caution-cancer", Title: "Cancer and massage", Keys: []string{KeyCancer}, Source: srcNCCIH,
		Condition: "Cancer, now or in the past (NCCIH: no deep pressure over a tumour or cancer site unless the " +
			"treating clinician approves).",
		Caution: "Because you have had cancer: no deep pressure over a tumour or an area treated for cancer, " +
			"including radiotherapy, unless your cancer team agrees.",
		When: yes(KeyCancer),
	},
	{
		ID: "caution-falls", Title: "Falls, age and floor routines", Keys: []string{KeyFallsRisk, KeyAge},
		Source: srcNICENG249,
		Condition: "Age 65 or over, a fall in the last 12 months, or feeling unsteady (NICE NG249 asks older people " +
			"about falls and unsteadiness). Routines done lying on the floor and firm tools are left out of the suggestions.",
		Caution: "We have left out routines that need you to get down onto the floor, and firm tools such as foam " +
			"rollers, golf balls and massage guns. Choose routines done standing or sitting, near something sturdy to hold.",
		When: func(a Answers) bool { return a.Yes(KeyFallsRisk) || a.ageAtLeast(65) },
	},
}

// recentImproving is the typical self-limiting episode: under 6 weeks and
// getting better, however bad it was at first.
func recentImproving(a Answers) bool {
	return a.durationIs(DurationUnder3Days, Duration3DaysTo2Weeks, Duration2To6Weeks) && a.trendIs(TrendImproving)
}
