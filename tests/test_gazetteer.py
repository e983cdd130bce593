import pytest

from rasad.geo.boundaries import default_boundaries, haversine_km
from rasad.geo.gazetteer import ForeignMention, default_gazetteer
from rasad.geo.geocode import Geocoder
from rasad.text.normalize import normalize
from rasad.text.tokens import tokenize


def resolve(text: str):
    geocoder = Geocoder()
    tokens = tokenize(normalize(text).text)
    mentions = [m for m in geocoder.gazetteer.find(tokens) if geocoder.usable(m)]
    context = geocoder.context(tokens, mentions)
    return [geocoder.resolve(m, tokens, context) for m in mentions]


@pytest.mark.parametrize("text", ["الموصل", "بالموصل", "والموصل", "للموصل", "Mosul", "al-Mosul"])
def test_names_are_found_with_clitics_and_articles(text):
    (place,) = resolve(text)
    assert place.place.name == "Mosul"


@pytest.mark.parametrize("name", ["Deir ez-Zor", "دير الزور", "ديرالزور", "Dayr az Zawr"])
def test_spelling_variants(name):
    assert any(p.admin1 == "Deir-ez-Zor" for p in default_gazetteer().lookup(name))


@pytest.mark.parametrize("text, admin1", [("Tal Tamr", "Al-Hasakeh"), ("Tel Abyad", "Ar-Raqqa"),
                                           ("Tall Abyad", "Ar-Raqqa"), ("Dair Hafer", "Aleppo")])
def test_the_common_word_a_name_opens_with_is_spelt_any_way(text, admin1):
    places = resolve(f"near {text} on Monday")
    assert places and places[0].place.admin1 == admin1, [p.place.name for p in places]


@pytest.mark.parametrize("text, name", [("في محيط سد تشرين", "Tishrin Dam"), ("near the Mosul Dam", "Mosul Dam"),
                                        ("قرب سد الطبقة", "Tabqa Dam")])
def test_dams_are_places_and_a_month_of_their_name_is_not(text, name):
    (place,) = resolve(text)
    assert place.place.name == name and place.place.feature == "dam"
    assert resolve("في تشرين الأول الماضي") == []


def test_a_cue_word_picks_the_feature():
    (place,) = resolve("محافظة كركوك")
    assert (place.place.feature, place.precision) == ("admin1", 3)
    (city,) = resolve("مدينة كركوك")
    assert (city.place.feature, city.precision) == ("city", 1)


def test_relative_places_are_coarser():
    (south,) = resolve("جنوب تكريت")
    assert south.place.name == "Tikrit" and south.precision == 2
    (countryside,) = resolve("بريف محافظة الحسكة")
    assert countryside.precision == 3


FACILITIES = [("مخيم الهول", "Al-Hol camp"), ("مخيم روج", "Roj camp"), ("سجن الشدادي", "Al-Shaddadi prison"),
              ("منفذ الوليد", "Al-Walid border crossing"), ("معبر اليعربية", "Al-Yarubiyah border crossing"),
              ("معبر سيمالكا", "Semalka border crossing"),
              # a crossing's post is called "معبر" or "منفذ" alike, "X crossing" or "X border crossing"
              ("معبر ربيعة", "Rabia border crossing"), ("منفذ اليعربية", "Al-Yarubiyah border crossing"),
              ("معبر القائم", "Al-Qaim border crossing"), ("al-Yarubiyah border crossing", "Al-Yarubiyah border crossing")]


@pytest.mark.parametrize(("text", "name"), FACILITIES)
def test_curated_facilities(text, name):
    (place,) = resolve(text)
    assert place.place.name == name and place.precision == 1 and place.place.source


def test_the_country_in_context_chooses_between_namesakes():
    (iraq,) = [p for p in resolve("العراق سنجار") if p.place.name.startswith("Sinj")]
    assert iraq.place.country == "IQ"
    syria = [p for p in resolve("سوريا سوريا ادلب سنجار") if p.place.name.startswith("Sinj")]
    assert syria[0].place.country == "SY"


def test_runners_up_are_kept_for_the_analyst():
    (place,) = resolve("سنجار")
    assert place.alternatives


def test_point_in_polygon_and_border_distance():
    boundaries = default_boundaries()
    assert boundaries.admin1_at(33.42, 43.31).name == "Al-Anbar"  # Ramadi
    assert boundaries.admin1_at(36.50, 40.75).name == "Al-Hasakeh"
    assert boundaries.admin1_at(25.0, 30.0) is None
    assert boundaries.border_km(34.39, 40.99) < 10  # al-Qaim sits on the border
    assert boundaries.border_km(33.34, 44.40) > 250  # Baghdad does not
    assert boundaries.border_sector(36.39, 41.15) == "Sinjar–al-Hol"


def test_build_from_a_geonames_dump_adds_villages_and_features(tmp_path):
    from pathlib import Path

    from rasad.geo.build import build
    from rasad.geo.gazetteer import Gazetteer

    shared = Path(__file__).resolve().parents[2] / "shared" / "geo"
    package = Path(__file__).resolve().parents[1] / "src/rasad/geo/data"
    polygons = [shared / "iraq-governorates.geojson", shared / "syria-governorates.geojson"]
    if not all(p.exists() for p in polygons):  # the shipped boundaries carry the same polygons
        polygons = [tmp_path / "governorates.geojson"]
        import json

        data = json.loads((package / "boundaries.geojson").read_text(encoding="utf-8"))
        names = {"Kirkuk": "At-Ta'mim", "Al-Anbar": "Al-Anbar"}
        polygons[0].write_text(json.dumps({"type": "FeatureCollection", "features": [
            {**f, "properties": {"name": names[f["properties"]["name"]]}} for f in data["features"]
            if f["properties"].get("name") in names]}), encoding="utf-8")
    dump = tmp_path / "IQ.txt"
    row = ["9000001", "Qaryat al Ikhtibar", "Qaryat al Ikhtibar", "Qaryat al Ikhtibar", "35.30", "44.00", "P", "PPL",
           "IQ", "", "13", "", "", "", "0", "", "250", "Asia/Baghdad", "2024-01-01"]
    wadi = ["9000002", "Wadi al Tajriba", "Wadi al Tajriba", "", "33.20", "42.10", "H", "WAD", "IQ", "", "01", "", "",
            "", "0", "", "300", "Asia/Baghdad", "2024-01-01"]
    dump.write_text("\t".join(row) + "\n" + "\t".join(wadi) + "\n", encoding="utf-8")
    alternate = tmp_path / "alternateNamesV2.txt"
    alternate.write_text("1\t9000001\tar\tقرية الاختبار\t\t\t\t\t\t\n2\t9000002\tar\tوادي التجربة\t\t\t\t\t\t\n",
                         encoding="utf-8")
    out = tmp_path / "built"
    summary = build(dumps=[dump], alternate_names=alternate, polygons=polygons, out_dir=out)
    assert summary["places"] >= 2
    gazetteer = Gazetteer.from_dir(out)
    (village,) = gazetteer.lookup("قرية الاختبار")
    assert (village.feature, village.admin1) == ("city", "Kirkuk")
    (wadi_place,) = gazetteer.lookup("وادي التجربة")
    assert (wadi_place.feature, wadi_place.admin1) == ("wadi", "Al-Anbar")


def test_a_malformed_dump_line_is_named(tmp_path):
    from rasad.errors import InputError
    from rasad.geo.build import read_geonames_dump

    dump = tmp_path / "SY.txt"
    dump.write_text("only\tthree\tcolumns\n", encoding="utf-8")
    with pytest.raises(InputError, match="SY.txt:1"):
        list(read_geonames_dump(dump))


# -- a name is a place in context (issue 11, class 1): every sentence below is the project's own


def places_in(text: str):
    """The places a clause of ``text`` resolves to, as the extractor sees them (context-aware)."""
    geocoder = Geocoder()
    tokens = tokenize(normalize(text).text)
    context = geocoder.context(tokens, geocoder.gazetteer.find(tokens))
    return [geocoder.resolve(m, tokens, context) for m in geocoder.gazetteer.find(tokens) if geocoder.usable(m, context)]


def test_a_village_is_a_place_only_after_a_cue_word():
    (place,) = places_in("داهمت القوات العراقية قرية المبدد فجرا")
    assert (place.place.feature, place.place.admin1, place.precision) == ("village", "Salah Al-Din", 1)
    assert places_in("قالت القوات العراقية إن المبدد سيعود") == []


@pytest.mark.parametrize("text", ["أكد مسؤول في لبنان وقوع الحادث", "وصل الوفد للبنان أمس", "عاد الوفد من القاهرة"])
def test_a_foreign_country_or_city_is_never_a_place_of_iraq_or_syria(text):
    gazetteer = default_gazetteer()
    tokens = tokenize(normalize(text).text)
    assert gazetteer.find(tokens) == []
    assert any(isinstance(m, ForeignMention) for m in gazetteer.find_all(tokens))


@pytest.mark.parametrize("text", ["وقّع على الورقة", "وصلت فرقة المشاة", "تحدث حول الأمن", "قال عنه الوزير"])
def test_a_word_that_only_looks_like_a_place_name_is_no_place(text):
    assert places_in(text) == []


def test_a_name_written_with_the_article_is_still_found_with_clitics():
    assert [p.place.name for p in places_in("عاد النازحون إلى بالرقة وللرقة")] == ["Ar Raqqah", "Ar Raqqah"]


def test_a_governorate_cue_needs_a_governorate_and_a_cue_with_the_article_opens_no_name():
    assert places_in("زار محافظة الإسكندرية") == []
    assert places_in("أكد مسؤول البلدة محمد أن الطريق مفتوح") == []


def test_after_a_weak_cue_a_village_must_agree_with_the_report():
    assert places_in("انتشرت القوات في منطقة المبدد") == []
    found = places_in("انتشرت القوات في محافظة صلاح الدين في منطقة المبدد")
    village = next(p for p in found if p.place.feature == "village")
    assert (village.place.admin1, village.precision) == ("Salah Al-Din", 2)


def test_a_neighbourhood_is_sought_near_the_town_of_its_clause():
    found = places_in("انفجرت سيارة في حي الصالحية بمدينة الحسكة")
    neighbourhood = next(p for p in found if p.place.feature == "neighbourhood")
    assert neighbourhood.place.admin1 == "Al-Hasakeh"
    assert haversine_km(neighbourhood.place.lat, neighbourhood.place.lon, 36.50, 40.75) < 10


def test_villages_carry_their_district():
    (place,) = places_in("قرب قرية المبدد في صلاح الدين")[:1]
    assert place.place.admin2


def test_a_foreign_name_that_is_also_a_town_here_needs_the_report_to_agree():
    assert places_in("وصل الوزير إلى الرياض أمس") == []  # Riyadh, as far as this sentence tells
    (town,) = [p for p in places_in("اعتقلت قوة في محافظة كركوك مطلوبا في الرياض") if p.place.feature == "city"]
    assert town.place.admin1 == "Kirkuk"


def test_a_town_written_without_the_article_keeps_that_name():
    (place,) = places_in("داهمت القوات منزلا في مدينة حديثة")
    assert (place.place.name, place.place.admin1) == ("Hadithah", "Al-Anbar")


@pytest.mark.parametrize("text", ["خرجت التظاهرات السلمية", "استقبل الوفد الهندية", "يبقى الوضع القائم"])
def test_an_adjective_after_a_definite_noun_is_no_place(text):
    assert places_in(text) == []


def test_a_village_after_a_strong_cue_needs_its_country_named():
    assert places_in("وقع انفجار في حي المبدد") == []
    assert places_in("قالت مصادر عراقية إن انفجارا وقع في قرية المبدد")


def test_a_district_named_with_mintaqa_is_read_as_cue_and_town():
    (place,) = places_in("قال سكان في منطقة البوكمال")
    assert place.place.name == "Albu Kamal" and place.precision == 2


def test_english_news_may_drop_the_final_h_of_a_towns_name():
    from rasad.geo.gazetteer import default_gazetteer

    gazetteer = default_gazetteer()
    for short, full in (("Hawija", "Al Hawijah"), ("Rutba", "Ar Rutbah"), ("Tarmiya", "At Tarmiyah")):
        assert gazetteer.lookup(short)[0].name == full


def test_places_keep_arabic_names_written_with_marks_kurdish_letters_or_eastern_digits(tmp_path):
    from rasad.geo.build import read_places

    header = ("id,name_ar,name_en,alt_names_ar,alt_names,lat,lon,country,admin1,admin2,admin3,admin1_en,admin2_en,"
              "admin3_en,admin1_pcode,admin2_pcode,admin3_pcode,kind,feature_code,is_current,geonames_id,wikidata_id,"
              "source,source_id,licence")
    rows = ["t:1,حيّ السلام,Hay al-Salam,,,33.3,44.4,IQ,,,,,Al-Risafa,,IQG08,,,neighbourhood,PPLX,,,,wof,1,x",
            "t:2,گوێزە,Gweza,,,35.5,45.4,IQ,,,,,Sulaymaniyah,,IQG18,,,locality,PPL,,,,wof,2,x",
            "t:3,قرية ١٤ تموز,,,,32.0,45.0,IQ,,,,,Kut,,IQG15,,,locality,PPL,,,,wof,3,x",
            "t:4,١٢,Twelve,,,32.0,45.0,IQ,,,,,Kut,,IQG15,,,locality,PPL,,,,wof,4,x"]
    path = tmp_path / "places.csv"
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    names = {place.id: place.names for place, _ in read_places(path, {"IQG08": "Baghdad"})}
    assert "حي السلام" in names["t:1"]
    assert "كويزه" in names["t:2"]  # as an Arabic report writes it: ك for گ, ه for ە
    assert "قريه 14 تموز" in names["t:3"]
    assert names["t:4"] == {"twelve"}  # digits alone are no Arabic name


def test_a_locality_named_as_an_airport_is_a_site_not_a_quarter(tmp_path):
    from rasad.geo.build import read_places

    header = ("id,name_ar,name_en,alt_names_ar,alt_names,lat,lon,country,admin1,admin2,admin3,admin1_en,admin2_en,"
              "admin3_en,admin1_pcode,admin2_pcode,admin3_pcode,kind,feature_code,is_current,geonames_id,wikidata_id,"
              "source,source_id,licence")
    rows = ["t:1,مطار الفرات,Euphrates Airport,,,33.3,44.4,IQ,,,,,Al-Karkh,,IQG08,,,neighbourhood,PPLX,,,,wof,1,x",
            "t:2,المطار,Al Matar,,,33.3,44.4,IQ,,,,,Al-Karkh,,IQG08,,,neighbourhood,PPLX,,,,wof,2,x"]
    path = tmp_path / "places.csv"
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    features = {place.id: place.feature for place, _ in read_places(path, {"IQG08": "Baghdad"})}
    assert features == {"t:1": "airport", "t:2": "neighbourhood"}


@pytest.mark.parametrize("name, admin1", [("حقل كونيكو", "Deir-ez-Zor"), ("حقل العمر النفطي", "Deir-ez-Zor"),
                                          ("مطار التيفور", "Homs"), ("the Conoco gas field", "Deir-ez-Zor"),
                                          ("the T4 airbase", "Homs"), ("مطار بغداد", "Baghdad")])
def test_oil_fields_and_air_bases_that_attacks_are_reported_at_are_places(name, admin1):
    from rasad.geo.gazetteer import default_gazetteer

    found = default_gazetteer().lookup(name.removeprefix("the "))
    assert found and found[0].admin1 == admin1 and found[0].feature in ("site", "airport")


@pytest.mark.parametrize("name", ["وادي الشاي", "Wadi al-Shay", "وادي زغيتون", "Wadi Zghaytun"])
def test_the_wadis_south_of_kirkuk_where_is_cells_hide_are_places(name):
    from rasad.geo.gazetteer import default_gazetteer

    found = default_gazetteer().lookup(name)
    assert found and (found[0].admin1, found[0].feature) == ("Kirkuk", "wadi")


def test_a_town_gains_its_districts_spellings_that_differ_only_in_vowels():
    from rasad.geo.build import Place, _share_seat_names

    town = Place("t", "Ash Sharqat", "الشرقاط", "city", "IQ", "Salah Al-Din", 35.5, 43.2, names={"ash sharqat", "الشرقاط"})
    district = Place("d", "Al-Shirqat", "الشرقاط", "district", "IQ", "Salah Al-Din", 35.4, 43.3,
                     names={"al shirqat", "الشرقاط"})
    other = Place("o", "Mandali", "مندلي", "city", "IQ", "Diyala", 33.7, 45.5, names={"mandali", "مندلي"})
    misnamed = Place("m", "Baladruz", "مندلي", "district", "IQ", "Diyala", 33.8, 45.2, names={"baladruz", "مندلي"})
    places = {p.id: p for p in (town, district, other, misnamed)}
    assert _share_seat_names(places) == 1
    assert "al shirqat" in town.names and "baladruz" not in other.names


@pytest.mark.parametrize(("spelling", "name"), [
    ("Hajeen", "Hajin"), ("al-Busaira", "Al Busayrah"), ("Qayara", "Al Qayyarah"), ("Tikreet", "Tikrit"),
    ("Sousa", "As Susah"), ("Shuheil", "Al-Shuhayl"), ("Buseira", "Al Busayrah"),
])
def test_a_towns_english_spellings_of_vowels_and_doubled_letters(spelling, name):
    assert default_gazetteer().lookup(spelling)[0].name == name


def test_an_english_sub_district_after_its_name_is_its_cue():
    (place,) = resolve("in the Udhaim sub-district")
    assert (place.place.name, place.place.feature, place.precision) == ("Al-Atheem", "subdistrict", 2)


@pytest.mark.parametrize(("spelling", "name"), [
    ("Saladin", "Salah Al-Din"), ("Nineva", "Ninewa"), ("Diala", "Diyala"), ("Deir el-Zour", "Deir-ez-Zor"),
])
def test_older_english_spellings_of_governorates(spelling, name):
    assert any(place.name == name for place in default_gazetteer().lookup(spelling))


@pytest.mark.parametrize(("spelling", "name"), [
    ("سري كانيه", "Ra’s al ‘Ayn"), ("تربه سبيه", "Al Qahtaniyah"), ("كري سبي", "Tall Abyad"), ("تل كوجر", "Al Ya‘rubiyah"),
    ("كوباني", "‘Ayn al ‘Arab"), ("tirbespiye", "Al Qahtaniyah"), ("gire spi", "Tall Abyad"),
])
def test_the_kurdish_names_of_towns_in_the_northeast_of_syria(spelling, name):
    assert any(place.name == name and place.feature == "city" for place in default_gazetteer().lookup(spelling))


def test_the_badia_desert_of_english_news_is_the_syrian_desert():
    assert [place.name for place in default_gazetteer().lookup("badia desert")] == ["Syrian Badia"]


def test_a_display_name_joins_its_article():
    from rasad.geo.build import _latin

    assert _latin("Al- Thawrah") == "Al-Thawrah" and _latin("Jubb ad Dam - Qanli Quy") == "Jubb ad Dam - Qanli Quy"


@pytest.mark.parametrize(("spelling", "name"), [
    ("mirkah", "Qaryat Mirkah"),  # English writes "the village of Mirkah"
    ("hiran", "Nahiyat Hiran"),  # and a sub-district's name without "Nahiyat"
    ("sheikh zanki", "Shaykh Zanki"), ("al-bu bali", "Albu Bali"), ("albo bali", "Albu Bali"),
])
def test_english_spellings_of_village_names_that_open_with_a_common_word(spelling, name):
    assert any(place.name == name for place in default_gazetteer().lookup(spelling))


def test_a_village_whose_name_opens_with_village_of_does_not_shadow_a_town():
    assert default_gazetteer().lookup("al-busayrah")[0].name == "Al Busayrah"


@pytest.mark.parametrize(("spelling", "name"), [
    ("fuwayrisat al sharqi", "Fuwayrisat ash Sharqi"),  # the sun letter's article as English news writes it
    ("qalat bushaytah", "Qal'at Bushaytah"), ("ras al sinin", "Ra's as Sinin"),  # the marks of ʿayn and hamza dropped
])
def test_english_news_spellings_of_articles_and_marks_inside_village_names(spelling, name):
    assert any(place.name == name for place in default_gazetteer().lookup(spelling))


@pytest.mark.parametrize("written", ["في قرية البو بالي", "في قرية آل بو بالي", "في قرية ألبو بالي"])
def test_a_villages_albu_written_in_one_word_or_two(written):
    (mention,) = default_gazetteer().find(tokenize(normalize(written).text))
    assert "Albu Bali" in {place.name for place in mention.candidates}


@pytest.mark.parametrize("text, name", [("في قضاء حويجة", "Al-Hawiga"), ("فجرا في قضاء حويجة بكركوك", "Al-Hawiga")])
def test_a_units_cue_word_finds_the_unit_its_name_names_without_the_article(text, name):
    # as written, حويجة is only villages elsewhere; after "قضاء" it is the district the gazetteer writes الحويجة
    place = places_in(text)[0]
    assert place.place.name == name and place.place.feature == "district"


def test_a_village_cue_keeps_the_village_a_name_without_the_article_names():
    assert all(p.place.feature != "district" for p in places_in("قالت مصادر عراقية إن انفجارا وقع في قرية حويجة"))


@pytest.mark.parametrize("text", ["Gunmen attacked the Gweiran prison in Hasakah.",
                                  "Gunmen attacked the Ghwairan prison in Hasakah."])
def test_a_named_prisons_gh_written_g_is_one_consonant(text):
    (place,) = places_in(text)[:1]
    assert place.place.feature == "prison" and place.place.admin1 == "Al-Hasakeh"


@pytest.mark.parametrize("text", ["قصفت المدفعية قرى في إقليم كردستان", "villages in the Kurdistan Region were shelled",
                                  "killed by a bomb", "the army said it was ready"])
def test_a_region_and_english_words_that_are_village_names_too_are_places_only_after_a_cue(text):
    mentions = default_gazetteer().find(tokenize(normalize(text).text))
    assert all(mention.ambiguous for mention in mentions)


def test_the_governorates_the_iraq_syria_border_runs_along():
    assert default_boundaries().border_governorates() == {
        ("IQ", "Duhok"), ("IQ", "Ninewa"), ("IQ", "Al-Anbar"), ("SY", "Al-Hasakeh"), ("SY", "Deir-ez-Zor"), ("SY", "Homs")}
