import shutil
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from backoffice.website.sources import load_catalogue
from calculator import Catalogue, CatalogueError


@pytest.fixture
def docs(sample_root: Path, tmp_path: Path) -> Path:
    """A copy of the tests' plan pages (`tests/content/`) that a test may break."""
    target = tmp_path / "docs"
    shutil.copytree(sample_root / "docs" / "plans", target / "plans")
    return target


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def load_error(docs: Path) -> CatalogueError:
    with pytest.raises(CatalogueError) as info:
        load_catalogue(docs, with_holidays=False)
    return info.value


def test_the_tests_catalogue_loads(sample_root: Path) -> None:
    catalogue = load_catalogue(sample_root / "docs")
    assert [p.id for p in catalogue.plans] == [
        "premium",
        "standard",
        "paket",
        "pochasov",
        "na-rabota",
        "avariyna",
    ]
    assert catalogue.plan("premium").monthly_fee == Decimal(390)
    assert catalogue.travel.per_km == Decimal("0.4")
    assert catalogue.calendar.years == (2025, 2028)
    assert date(2027, 5, 4) in catalogue.calendar.days_off
    assert Catalogue.from_dict(catalogue.to_dict()) == catalogue


def test_negative_value_names_file_and_field(docs: Path) -> None:
    replace(docs / "plans" / "premium.md", "guarantee_hours: 2", "guarantee_hours: -2")
    err = load_error(docs)
    assert str(err) == (
        "docs/plans/premium.md: plan.reaction.guarantee_hours (план „premium“): "
        "не може да е отрицателно; написано е -2"
    )
    assert (err.file, err.field, err.plan) == (
        "docs/plans/premium.md",
        "plan.reaction.guarantee_hours",
        "premium",
    )
    assert err.reason == "не може да е отрицателно; написано е -2"


def test_typo_in_plan_key(docs: Path) -> None:
    replace(docs / "plans" / "standard.md", "monthly_fee:", "monthy_fee:")
    err = load_error(docs)
    assert (err.file, err.field, err.plan) == (
        "docs/plans/standard.md",
        "plan.monthy_fee",
        "standard",
    )
    assert err.reason.startswith("непознато поле: поправете името или го махнете")


def test_broken_yaml(docs: Path) -> None:
    replace(docs / "plans" / "pochasov.md", "  hourly_rate: 40", "  hourly_rate: [40")
    err = load_error(docs)
    assert err.file == "docs/plans/pochasov.md"
    assert err.reason.startswith("грешка в началните данни на ред")
    assert "\n" not in str(err)


def test_duplicate_yaml_key(docs: Path) -> None:
    replace(docs / "plans" / "pochasov.md", "  hourly_rate: 40", "  hourly_rate: 40\n  hourly_rate: 41")
    err = load_error(docs)
    assert err.file == "docs/plans/pochasov.md"
    assert "полето 'hourly_rate' е написано два пъти" in err.reason


def test_front_matter_not_a_mapping(docs: Path) -> None:
    (docs / "plans" / "extra.md").write_text("---\n- a\n- b\n---\n# x\n", encoding="utf-8")
    assert (
        str(load_error(docs))
        == "docs/plans/extra.md: началните данни трябва да са полета във вида име: стойност"
    )


def test_plan_page_without_plan_key(docs: Path) -> None:
    (docs / "plans" / "extra.md").write_text("---\ntitle: X\n---\n# x\n", encoding="utf-8")
    assert str(load_error(docs)) == "docs/plans/extra.md: plan: липсва задължително поле: добавете го"


def test_duplicate_plan_id_across_files(docs: Path) -> None:
    shutil.copy(docs / "plans" / "premium.md", docs / "plans" / "zz-copy.md")
    assert str(load_error(docs)) == (
        "docs/plans/zz-copy.md: plan.id (план „premium“): "
        "този id вече е на плана в docs/plans/premium.md: дайте на всеки план свой"
    )


def test_a_plan_id_other_than_its_file_name(docs: Path) -> None:
    # The menu, the cards and the tables link to a plan's page by its id.
    (docs / "plans" / "premium.md").rename(docs / "plans" / "premium-plus.md")
    assert str(load_error(docs)) == (
        "docs/plans/premium-plus.md: plan.id (план „premium“): "
        "трябва да е същото като името на файла („premium-plus“): сменете едното от двете"
    )


def test_bad_catalogue_value_in_index(docs: Path) -> None:
    replace(docs / "plans" / "index.md", "vat_percent: 20", "vat_percent: yes")
    assert str(load_error(docs)) == (
        "docs/plans/index.md: catalogue.vat_percent: "
        "трябва да е число с точка за дробната част, без мерна единица (напр. 38.50); написано е True"
    )


def test_missing_index(docs: Path) -> None:
    (docs / "plans" / "index.md").unlink()
    assert str(load_error(docs)) == (
        "docs/plans/index.md: липсва страницата с данните на ценоразписа (catalogue:): създайте я"
    )


def test_no_front_matter(docs: Path) -> None:
    (docs / "plans" / "extra.md").write_text("# Just text\n", encoding="utf-8")
    assert str(load_error(docs)) == (
        "docs/plans/extra.md: няма начални данни: файлът трябва да започва с ред '---'"
    )
