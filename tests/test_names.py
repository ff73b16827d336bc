from visitdesk.domain.names import NameParts, display_name, plain_name, short_reference


def test_family_name_first_is_printed_first_in_capitals() -> None:
    he = NameParts("Dr.", "Zhimin", "He", family_name_first=True)
    assert display_name(he) == "Dr. HE Zhimin"
    assert short_reference(he) == "Dr. HE Zhimin"


def test_western_order_keeps_the_name_as_written() -> None:
    dastgir = NameParts("Engr.", "Khurram Dastgir", "Khan")
    assert display_name(dastgir) == "Engr. Khurram Dastgir Khan"
    assert short_reference(dastgir) == "Engr. Khan"


def test_missing_parts_leave_no_stray_spaces() -> None:
    assert display_name(NameParts(None, None, "Suzuki", family_name_first=True)) == "SUZUKI"
    assert display_name(NameParts("  H.E. ", "  Ahmed   Ali ", "Raza")) == "H.E. Ahmed Ali Raza"
    assert plain_name(NameParts("Prof. Dr.", "", "Tanaka", True)) == "TANAKA"


def test_names_in_other_scripts_are_left_as_they_are() -> None:
    assert display_name(NameParts(None, "志敏", "何", family_name_first=True)) == "何 志敏"
    assert display_name(NameParts("Mr.", "عمران", "خان")) == "Mr. عمران خان"


def test_a_prince_or_sheikh_is_named_by_title_and_given_name_never_by_the_house() -> None:
    prince = NameParts("HRH Prince", "Abdulaziz bin Salman", "Al Saud")
    assert short_reference(prince) == "Prince Abdulaziz"
    assert display_name(prince) == "HRH Prince Abdulaziz bin Salman Al Saud"
    sheikh = NameParts("H.H. Sheikh", "Mohammed bin Rashid", "Al Maktoum")
    assert short_reference(sheikh) == "Sheikh Mohammed"
    crown = NameParts("HRH Crown Prince", "Hussein", "bin Abdullah")
    assert short_reference(crown) == "Crown Prince Hussein"
    # A title without a given name, and every other honorific, keep the family name.
    assert short_reference(NameParts("Sheikh", None, "Al Thani")) == "Sheikh Al Thani"
    assert short_reference(NameParts("HE Mr.", "Ahmed", "Al-Mansouri")) == "HE Mr. Al-Mansouri"
