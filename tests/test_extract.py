"""One behaviour per test, on reports written for these tests."""

from datetime import date

import pytest

from rasad.model import Document

ARREST = "أعلنت شرطة محافظة كركوك، يوم الاثنين، اعتقال خمسة من عناصر داعش في قضاء الحويجة."


def only(events):
    assert len(events) == 1, [(e.event_type, e.location) for e in events]
    return events[0]


def test_arrest_is_coded_with_type_place_date_actors_and_count(extract):
    event = only(extract(ARREST))
    assert (event.event_type, event.sub_event_type) == ("Strategic developments", "Arrests")
    # "قضاء الحويجة" names the district (OCHA), coded at precision 2 as GUIDELINES §2 says
    assert (event.admin1, event.location, event.geo_precision, event.admin2) == ("Kirkuk", "Al-Hawiga", 2, "Al-Hawiga")
    # "أعلنت …، يوم الاثنين، اعتقال": the day is the announcement's, the arrest on it or before (GUIDELINES §6)
    assert (event.event_date, event.time_precision) == ("2025-03-10", 2)
    assert (event.actor1, event.actor2) == ("Police Forces of Iraq", "Islamic State")
    assert event.arrested == 5 and event.fatalities is None
    assert event.country == "IQ"


def test_every_field_points_at_the_text_it_came_from(extract):
    text = "خبر عاجل.\n" + ARREST
    event = only(extract(text))
    for name in ("event_type", "location", "event_date", "actor1", "arrested"):
        span = event.trace[name]
        assert text[span["start"] : span["end"]] == span["text"]
    assert event.trace["arrested"]["text"] == "خمسة"
    evidence = event.evidence[0]
    assert text[evidence.start : evidence.end] == evidence.text == ARREST


@pytest.mark.parametrize(
    "text",
    [
        "نفت قيادة العمليات وقوع اشتباكات في قضاء الحويجة يوم الاثنين.",
        "لم تسجل أي عمليات اعتقال في قضاء الحويجة يوم الاثنين.",
        "لا صحة للأنباء عن انفجار عبوة ناسفة في مدينة تكريت يوم الاثنين.",
    ],
)
def test_negated_incidents_are_not_events(extract, text):
    assert extract(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "من المتوقع أن تنقل القوات الأمريكية ألفي معتقل من الحسكة إلى العراق.",
        "سوف تشن القوات الأمنية حملة اعتقالات في قضاء الحويجة.",
        "تعتزم القوات العراقية تحرير قرى جنوب مدينة الموصل.",
        "اعتقال خلايا التنظيم في مدينة تكريت الشهر المقبل.",
    ],
)
def test_plans_and_expectations_are_not_events(extract, text):
    assert extract(text) == []


def test_a_condition_is_not_an_event(extract):
    assert extract("إذا هاجم التنظيم مدينة سنجار فإن القوات سترد بقوة.") == []


def test_a_call_for_action_is_not_an_event(extract):
    assert extract("يجب اعتقال كل المتورطين في تفجير مدينة كركوك.") == []


def test_a_purpose_is_not_an_event(extract):
    assert extract("نشرت القوات كاميرات حرارية على الحدود قرب مدينة القائم لمنع تسلل المسلحين.") == []


def test_a_fear_is_not_an_event(extract):
    assert extract("أبدى مسؤولون مخاوف من هروب سجناء من سجن الشدادي.") == []


def test_history_known_only_by_its_year_is_not_an_event(extract):
    assert extract("سيطر التنظيم على مدينة الموصل بعد هجوم واسع عام 2014.") == []


def test_incidents_spoken_of_in_general_are_not_events(extract):
    assert extract("وغالبا ما تنفذ الطائرات غارات على مواقع التنظيم في محافظة الأنبار.") == []


def test_related_headlines_after_read_more_are_skipped(extract):
    text = "تقرير عن الوضع الأمني في البلاد.\nاقرأ أيضا:\nمقتل ثلاثة جنود بانفجار عبوة في مدينة بيجي يوم الاثنين."
    assert extract(text) == []


def test_hashtag_lines_are_skipped(extract):
    assert extract("#عاجل #اعتقال #خلية #داعش #في #قضاء #الحويجة يوم الاثنين") == []


def test_a_list_of_governorates_gives_one_event_each(extract):
    text = "نفذت القوات الأمنية يوم الاثنين عمليات أسفرت عن مقتل عدد من المسلحين في كركوك وصلاح الدين والأنبار."
    events = extract(text)
    assert sorted(e.admin1 for e in events) == ["Al-Anbar", "Kirkuk", "Salah Al-Din"]
    assert all(e.geo_precision == 3 and e.event_type == "Battles" for e in events)


def test_mentions_of_one_incident_in_a_report_merge(extract):
    text = ("انفجرت عبوة ناسفة يوم الاثنين في مدينة تكريت.\n"
            "وقالت الشرطة إن الانفجار في تكريت أدى إلى مقتل اثنين وإصابة أربعة.")
    event = only(extract(text))
    assert (event.fatalities, event.wounded) == (2, 4)
    assert len(event.evidence) == 2


def test_counts_go_to_the_right_field(extract):
    event = only(extract("قتل ثلاثة مدنيين وأصيب سبعة آخرون بانفجار سيارة مفخخة في مدينة سامراء يوم الاثنين."))
    assert (event.fatalities, event.wounded) == (3, 7)
    assert "vbied" in event.tags


def test_a_vague_count_is_null(extract):
    event = only(extract("أسفرت اشتباكات يوم الاثنين في قضاء الحويجة عن مقتل العشرات من المسلحين."))
    assert event.fatalities is None


def test_numbers_that_count_villages_or_kilometres_are_not_people(extract):
    event = only(extract("حررت القوات العراقية يوم الاثنين 12 قرية جنوب مدينة الموصل وقتلت 4 مسلحين."))
    assert event.fatalities == 4 and event.sub_event_type == "Government regains territory"


def test_a_foiled_camp_escape_is_an_attempt_with_no_escapees(extract):
    event = only(extract("أحبطت قوات الأسايش يوم الاثنين محاولة هروب 40 شخصا من مخيم الهول."))
    assert (event.sub_event_type, event.actor1, event.escaped) == ("Other", "Asayish", None)
    assert {"prison_escape", "attempt", "camp"} <= set(event.tags)
    assert event.location == "Al-Hol camp" and event.geo_precision == 1


def test_a_prison_escape(extract):
    event = only(extract("فر 12 سجينا من عناصر داعش من سجن الشدادي يوم الاثنين."))
    assert event.escaped == 12 and event.actor1 == "Islamic State" and "prison_escape" in event.tags


def test_a_flight_that_is_not_from_detention_is_no_escape(extract):
    assert extract("هرب عناصر داعش يوم الاثنين من مواقعهم إلى عمق صحراء الأنبار.") == []


def test_a_detainee_transfer(extract):
    event = only(extract("نقلت القوات الأمريكية يوم الاثنين 200 معتقل من سجون الحسكة إلى العراق."))
    assert (event.transferred, event.actor1) == (200, "Military Forces of the United States")
    assert {"detainee_transfer", "coalition", "border"} <= set(event.tags)


def test_a_suicide_bombing(extract):
    event = only(extract("فجر انتحاري حزاما ناسفا يوم الاثنين في سوق مدينة بعقوبة ما أدى إلى مقتل ستة أشخاص."))
    assert event.sub_event_type == "Suicide bomb" and event.fatalities == 6


def test_fighters_who_blow_themselves_up_in_a_clash_leave_it_a_clash(extract):
    event = only(extract("اندلع اشتباك يوم الاثنين قرب مدينة الحضر وفجر اثنان من المسلحين أنفسهم."))
    assert event.sub_event_type == "Armed clash" and "suicide" in event.tags


def test_a_coalition_air_strike(extract):
    event = only(extract("شنت طائرات التحالف الدولي غارة جوية يوم الاثنين على مخبأ للتنظيم في بلدة الباغوز."))
    assert event.sub_event_type == "Air/drone strike" and event.actor1 == "International Coalition"
    assert "coalition" in event.tags and event.country == "SY"


def test_generic_security_forces_take_the_country_of_the_place(extract):
    event = only(extract("اعتقلت قوات الأمن يوم الاثنين ثلاثة مطلوبين في مدينة البوكمال."))
    assert event.actor1 == "Military Forces of Syria"


def test_an_execution_of_civilians(extract):
    event = only(extract("أعدم عناصر داعش يوم الاثنين أربعة من رعاة الأغنام في صحراء الأنبار."))
    assert (event.event_type, event.actor1, event.fatalities) == ("Violence against civilians", "Islamic State", 4)


def test_relative_place_has_coarser_precision(extract):
    event = only(extract("اندلعت اشتباكات يوم الاثنين جنوب مدينة الموصل."))
    assert (event.location, event.geo_precision) == ("Mosul", 2)


def test_a_common_word_that_is_also_a_place_is_not_a_place(extract):
    assert extract("فتحت الحكومة الباب أمام اعتقال المتورطين يوم الاثنين.") == []


def test_same_area_refers_back_to_the_last_place(extract):
    text = "تقدمت القوات نحو مدينة الحضر يوم الاثنين.\nوفي المنطقة نفسها قتلت القوات خمسة مسلحين."
    event = only(extract(text))
    assert event.location == "Al Hadar" and event.fatalities == 5


def test_publication_date_is_read_from_the_dateline(extract):
    text = "بغداد - 14 آذار 2025\nاعتقلت الشرطة يوم الأربعاء ثلاثة مطلوبين في قضاء الحويجة."
    assert only(extract(text, published=None)).event_date == "2025-03-12"


def test_without_a_publication_date_relative_dates_stay_unresolved(extract):
    event = only(extract("اعتقلت الشرطة يوم الأربعاء ثلاثة مطلوبين في قضاء الحويجة.", published=None))
    assert event.event_date is None and event.time_precision is None


def test_an_english_report(extract):
    text = "Iraqi security forces killed four Islamic State militants in clashes near Tikrit on Monday, officials said."
    event = only(extract(text))
    assert (event.event_type, event.admin1, event.fatalities) == ("Battles", "Salah Al-Din", 4)
    assert event.event_date == "2025-03-10" and event.actor1 == "Military Forces of Iraq"


def test_confidence_is_higher_for_a_fully_specified_event(extract):
    full = only(extract("أعلنت شرطة كركوك اعتقال خمسة من عناصر داعش في قضاء الحويجة يوم الاثنين.\n"
                        "وأضافت أن العملية جاءت بناء على معلومات استخبارية."))
    thin = only(extract("جرت اعتقالات بعد ظهر اليوم.\nوشهدت محافظة كركوك اعتقالات.", published=None))
    assert 0 <= thin.confidence < full.confidence <= 1


def test_empty_and_odd_documents_give_no_events(extractor):
    for text in ("", "   ", "\u200f\u200e", "12345", "؟؟؟"):
        assert extractor.extract(Document("x", text, date(2025, 1, 1))) == []


def test_a_noun_in_the_dual_counts_two(extract):
    event = only(extract("استشهد جنديان وأصيب ثلاثة آخرون بهجوم لداعش على نقطة عسكرية في قضاء الطارمية يوم السبت."))
    assert (event.fatalities, event.wounded) == (2, 3)
    assert (event.actor1, event.actor2) == ("Islamic State", "Military Forces of Iraq")


def test_recurring_attacks_are_not_one_event(extract):
    assert extract("يشن التنظيم هجمات متفرقة على القرى في قضاء الحويجة.") == []


def test_a_sentence_about_past_months_is_not_one_event(extract):
    assert extract("شهدت الأشهر الماضية تصاعدا في الهجمات على مدينة تدمر، حيث قتل عدد من الجنود.") == []


def test_explosives_ready_for_detonation_are_not_an_explosion(extract):
    event = only(extract("عثرت القوات يوم الاثنين على عبوات ناسفة معدة للتفجير في قضاء الرطبة."))
    assert event.sub_event_type == "Disrupted weapons use"


def test_a_unit_number_is_not_a_count(extract):
    event = only(extract("حررت قوات اللواء 44 يوم الاثنين قرية جنوب مدينة الحضر وقتلت خمسة مسلحين."))
    assert event.fatalities == 5


def test_a_place_named_by_its_desert_is_one_place_near_the_town(extract):
    event = only(extract("انفجر لغم أرضي يوم الاثنين في بادية الميادين شرقي دير الزور ما أدى إلى مقتل راعيين."))
    assert (event.location, event.geo_precision, event.fatalities) == ("Al Mayadin", 2, 2)


def test_an_english_province_is_a_governorate(extract):
    event = only(extract("A coalition air strike killed two militants in Deir ez-Zor province on Monday."))
    assert (event.admin1, event.geo_precision) == ("Deir-ez-Zor", 3)


def test_a_foiled_attack_is_a_foiled_plot(extract):
    event = only(extract("أحبطت القوات الأمنية يوم الاثنين هجوما إرهابيا على مدينة سامراء."))
    assert (event.sub_event_type, event.tags) == ("Other", ["foiled_plot"])


def test_an_unnamed_force_is_never_replaced_by_its_target(extract):
    event = only(extract("نفذت طائرات حربية يوم الاثنين غارة جوية على مواقع لداعش في صحراء الأنبار."))
    assert (event.actor1, event.actor2) == (None, "Islamic State")


def test_the_fall_of_a_regime_is_not_an_arrest(extract):
    assert extract("تراجعت الهجمات منذ الإطاحة بنظام الأسد في دمشق يوم الاثنين.") == []


def test_a_count_word_in_the_dual_counts_itself(extract):
    event = only(extract("سقط قتيلان وجريحان بانفجار عبوة ناسفة في مدينة الفلوجة يوم الاثنين."))
    assert (event.fatalities, event.wounded) == (2, 2)


def test_families_returned_from_a_camp_are_a_transfer(extract):
    event = only(extract("أعلنت الحكومة العراقية يوم الاثنين إعادة 150 عائلة عراقية من مخيم الهول إلى مخيم الجدعة."))
    # GUIDELINES §6 counts people, not families: 150 families give no count of people
    assert (event.transferred, event.location) == (None, "Al-Hol camp")
    assert {"detainee_transfer", "camp"} <= set(event.tags)


def test_a_singular_noun_after_a_count_word_counts_one(extract):
    event = only(extract("أسفر الهجوم على نقطة للجيش في قضاء الطارمية يوم الاثنين عن مقتل جندي وإصابة 3 آخرين."))
    assert (event.fatalities, event.wounded) == (1, 3)
    event = only(extract("قتلت القوات يوم الاثنين أحد المسلحين قرب مدينة الحضر."))
    assert event.fatalities == 1


def test_shells_found_in_a_hideout_are_not_shelling(extract):
    event = only(extract("عثرت القوات يوم الاثنين على مضافة تحتوي على قذائف هاون وأعتدة في قضاء الحويجة."))
    assert event.sub_event_type == "Disrupted weapons use"


def test_a_foiled_bombing_disrupted_the_weapon(extract):
    event = only(extract("أحبطت القوات يوم الاثنين محاولة تفجير جسر في قضاء هيت بعبوة ناسفة."))
    assert (event.event_type, event.sub_event_type) == ("Strategic developments", "Disrupted weapons use")
    assert "attempt" in event.tags


def test_an_attack_with_a_roadside_bomb_is_an_explosion(extract):
    event = only(extract("استهدف عناصر داعش يوم الاثنين سيارة تقل مدنيين بعبوة ناسفة قرب مدينة بعقوبة."))
    assert event.sub_event_type == "Remote explosive/landmine/IED" and event.actor2 == "Civilians"


def test_the_place_nearest_the_incident_wins_over_the_place_of_the_source(extract):
    event = only(extract("قالت مصادر أمنية في كركوك إن مسلحين هاجموا يوم الاثنين نقطة للشرطة في مدينة داقوق."))
    assert event.location == "Daquq"


def test_a_range_across_governorates_takes_the_governorate_the_report_names(extract):
    event = only(extract("قتلت القوات يوم الاثنين ثلاثة مسلحين في سلسلة جبال حمرين في محافظة ديالى."))
    assert (event.location, event.admin1) == ("Hamrin mountains", "Diyala")


def test_a_distance_from_the_capital_is_not_the_place(extract):
    event = only(extract("اعتقلت القوات يوم الاثنين خمسة مطلوبين في قضاء الحويجة (250 كم شمالي بغداد)."))
    assert event.admin1 == "Kirkuk"


def test_a_detail_sentence_takes_the_place_its_paragraph_named(extract):
    text = ("أنهت قوى الأمن الداخلي يوم الاثنين حملة أمنية في مخيم الهول. وأسفرت الحملة عن اعتقال 20 عنصرا من التنظيم.")
    event = only(extract(text))
    assert (event.location, event.arrested, event.trace["location"]["source"]) == ("Al-Hol camp", 20, "paragraph")


def test_the_camp_refers_back_to_the_camp_named_before(extract):
    text = "بدأت حملة أمنية في مخيم الهول يوم الأحد.\nوأحبطت الأسايش يوم الاثنين محاولة فرار جماعية من داخل المخيم."
    event = only(extract(text))
    assert event.location == "Al-Hol camp" and "attempt" in event.tags


def test_an_arrest_and_an_escape_at_one_place_stay_two_events(extract):
    text = ("اعتقلت الأسايش يوم الاثنين 20 عنصرا في مخيم الهول. وأحبطت يوم الاثنين محاولة فرار جماعية من مخيم الهول.")
    assert sorted(e.sub_event_type for e in extract(text)) == ["Arrests", "Other"]


def test_a_crime_a_suspect_is_accused_of_is_not_the_event(extract):
    event = only(extract("ألقت القوات يوم الاثنين القبض على عنصر متورط بقتل جندي في مدينة الميادين."))
    assert event.sub_event_type == "Arrests"


def test_the_target_of_an_operation_is_not_its_actor(extract):
    event = only(extract("نفذ التنظيم يوم الاثنين عمليات ضد قسد في بلدة ذيبان أدت إلى مقتل ثلاثة."))
    assert (event.actor1, event.actor2) == ("Islamic State", "Syrian Democratic Forces")


def test_a_day_written_with_min_before_the_month(extract):
    event = only(extract("قتل ثلاثة عناصر من قسد في 26 من أيلول الماضي في بلدة ذيبان."))
    assert event.event_date == "2024-09-26"


def test_cases_is_not_a_condition(extract):
    assert only(extract("أقرت الوزارة يوم الاثنين بحدوث حالات فرار جماعي من مخيم الهول.")).sub_event_type == "Other"


def test_places_spoken_of_in_general_hold_no_incident(extract):
    assert extract("وما زالت مناطق عديدة في محافظة كركوك تشهد عمليات اختطاف وقتل.") == []


def test_a_lead_without_a_place_takes_the_place_the_next_sentence_locates(extract):
    text = ("أعلنت الخلية اليوم الاثنين إحباط محاولة تسلل 9 أشخاص عبر الساتر الحدودي.\n"
            "وجرى رصدهم بالكاميرات الحرارية قرب قرية صغيرة تابعة إلى ناحية ربيعة.")
    event = only(extract(text))
    # the sub-district of Rabia (OCHA), which the next sentence names with its cue word
    assert (event.location, event.admin1, event.trace["location"]["source"]) == ("Rabia", "Ninewa", "next sentence")
    assert {"infiltration", "border", "attempt"} <= set(event.tags)


def test_a_place_merely_mentioned_after_a_lead_is_not_borrowed(extract):
    text = "تمكنت القوة من اعتقال 18 شخصا يوم الاثنين.\nوتشكل الحدود هاجسا أمنيا بالنسبة لبغداد منذ سنوات."
    assert extract(text) == []


def test_an_ambush_set_for_infiltrators_is_not_a_clash(extract):
    event = only(extract("نصبت قوة من الجيش يوم الاثنين كمينا في قضاء سنجار واعتقلت 18 متسللا."))
    assert event.event_type == "Strategic developments"


def test_a_cause_after_a_semicolon_belongs_to_its_sentence(extract):
    event = only(extract("لقي جنديان مصرعهما يوم الثلاثاء؛ جراء هجوم شنه تنظيم داعش في محافظة الأنبار."))
    assert (event.actor1, event.fatalities) == ("Islamic State", 2)


def test_a_governorate_list_far_from_the_trigger_makes_no_events(extract):
    text = ("ويأتي الهجوم يوم الاثنين بالتزامن مع عملية عسكرية واسعة النطاق تنفذها القوات العراقية لملاحقة فلول داعش "
            "في محافظات الأنبار وصلاح الدين ونينوى.")
    assert len(extract(text)) <= 1


def test_a_line_with_a_few_hashtags_is_still_read(extract):
    event = only(extract("انفجرت سيارة مفخخة يوم الاثنين غرب قضاء #الرمادي في محافظة #الأنبار."))
    assert event.location == "Ramadi" and "vbied" in event.tags


def test_two_precisely_dated_incidents_at_one_place_stay_two(extract):
    text = ("قتل سبعة جنود فجر اليوم الأربعاء في هجوم على موقع قرب مدينة الرطبة.\n"
            "وكان خمسة جنود قد قتلوا يوم الاثنين الماضي في هجوم مماثل قرب مدينة الرطبة.")
    assert sorted(e.event_date for e in extract(text)) == ["2025-03-10", "2025-03-12"]


def test_a_summary_line_and_its_detailed_account_are_one_incident(extract):
    text = ("قتل ثلاثة عناصر من قوات الحكومة يوم الاثنين بانفجار لغم في بادية دير الزور.\n"
            "وقال المرصد إن لغما انفجر يوم الاثنين بسيارة عسكرية في بادية التبني بريف دير الزور الغربي ما أسفر عن مقتل "
            "ثلاثة عناصر وإصابة أربعة آخرين.")
    event = only(extract(text))
    assert (event.location, event.fatalities, event.wounded) == ("At Tibni", 3, 4)


def test_victims_joined_by_and_add_up(extract):
    event = only(extract("نعت قيادة الفرقة يوم الثلاثاء مقتل ضابط برتبة مقدم وخمسة جنود آخرين في قضاء هيت."))
    assert event.fatalities == 6


def test_opening_fire_is_an_attack(extract):
    event = only(extract("فتحت مجموعة من عناصر داعش النار يوم الثلاثاء على نقطة للجيش في قضاء هيت."))
    assert (event.event_type, event.actor1) == ("Battles", "Islamic State")


def test_a_dateline_gives_way_to_the_place_the_report_names(extract):
    event = only(extract("Baghdad: The Iraqi military said 14 militants were killed on Monday in the province of Anbar."))
    assert event.admin1 == "Al-Anbar"


def test_a_dateline_is_where_the_report_was_filed_not_the_scene(extract):
    assert extract("بغداد 16 آذار 2025 (وكالات) أعلنت السلطات مقتل مسلحين في ضربتين جويتين يوم الاثنين.") == []


def test_a_strike_in_the_dual_is_an_air_strike(extract):
    event = only(extract("نفذت القوات يوم الاثنين ضربتين جويتين على وكرين للتنظيم في قضاء الحويجة."))
    assert event.sub_event_type == "Air/drone strike"


def test_different_kinds_of_explosion_in_one_report_stay_apart(extract):
    text = ("قتل عنصران بانفجار عبوة ناسفة يوم الاثنين في قضاء راوة.\n"
            "وكانت المنطقة قد شهدت قبل أيام ضربة جوية في قضاء راوة استهدفت مضافات للتنظيم.")
    assert sorted(e.sub_event_type for e in extract(text)) == ["Air/drone strike", "Remote explosive/landmine/IED"]


def test_death_sentences_feared_are_not_executions(extract):
    assert extract("تعيق المنظمات إغلاق مخيم الهول بسبب تخوفها من تنفيذ أحكام بالإعدام.") == []


def test_a_tally_of_attacks_is_not_one_attack(extract):
    assert extract("نفذ التنظيم 149 هجوما في البادية السورية خلال عام 2025 أسفرت عن مقتل 63 شخصا.") == []


def test_recurring_attacks_block_only_themselves(extract):
    text = "تأكد يوم الاثنين هروب عناصر من سجن الشدادي بعد فقدان السيطرة عليه تحت ضغط هجمات متكررة."
    assert only(extract(text)).sub_event_type == "Other"


def test_a_site_the_gazetteer_does_not_know_borrows_no_other_place(extract):
    text = "هرب سجناء يوم الاثنين من سجن الشدادي، في حين تستمر المعارك في محيط سجن الأطباق."
    assert [e.sub_event_type for e in extract(text)] == ["Other"]


def test_eliminating_the_organisation_is_a_goal_not_a_killing(extract):
    assert extract("لم ينجح التحالف في القضاء على داعش في مخيم الهول يوم الاثنين.") == []


def test_a_required_word_is_found_with_its_suffix(extract):
    event = only(extract("نقلت القوات الأمريكية يوم الأربعاء 150 معتقلا من الحسكة إلى العراق."))
    assert (event.transferred, "detainee_transfer" in event.tags) == (150, True)


def test_an_incident_in_a_foreign_country_borrows_no_place_of_iraq_or_syria(extract):
    text = ("قتل ثلاثة جنود في هجوم شنه مسلحون على حاجز في محافظة كركوك أمس. "
            "وانفجرت عبوة ناسفة في بيروت يوم الأحد الماضي ما أدى إلى مقتل شخصين.")
    event = only(extract(text))
    assert event.admin1 == "Kirkuk"


def test_an_events_plain_form_is_what_asdict_gives_sharing_nothing(extract):
    from dataclasses import asdict

    event = only(extract("قتل جنديان وأصيب ثلاثة بانفجار عبوة ناسفة في قضاء الطارمية أمس."))
    plain = event.to_dict()
    assert plain == asdict(event) and list(plain) == list(asdict(event))
    plain["evidence"][0]["fields"].append("x")
    plain["trace"]["location"]["start"] = -1
    assert "x" not in event.evidence[0].fields and event.trace["location"]["start"] != -1
