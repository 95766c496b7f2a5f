"""Shared fixtures: the real answering core on the bundled article and on a second article."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

ROOT = Path(__file__).resolve().parent.parent
# The question sets and the ANT corpus: `../shared` beside the checkout, or where `make test SHARED=…` says.
SHARED = Path(os.environ.get("SHARED", ROOT.parent / "shared"))

# A second article with parallel facts: two people, two places, two dates, two ages, so that a
# follow-up such as «وكم عمره؟» can only be answered by remembering whom the last answer named.
SECOND_ARTICLE = """(رويترز)-- افتتح المهندس سامي الخطيب جسر النهر الجديد في مدينة طرابلس يوم 12 مارس 2024، بعد أربع سنوات من العمل.
ويبلغ الخطيب من العمر 52 عاماً، وقد درس الهندسة المدنية في جامعة القاهرة.
وقال الخطيب إن طول الجسر يبلغ 850 متراً، وإن تكلفة بنائه بلغت 40 مليون دولار.
وفي مدينة صيدا، افتتحت الطبيبة ليلى منصور مستشفى الأطفال الجديد يوم 5 يونيو 2023.
وتبلغ منصور من العمر 38 عاماً، وقد عملت سابقاً في منظمة الصحة العالمية.
وأوضحت منصور أن المستشفى يضم 120 سريراً ويعمل فيه 300 موظف، "وسيستقبل أول المرضى الأسبوع المقبل".
قد يهمك أيضاً
أخبار متعلقة :
"""


def core_settings(tmp: Path, **overrides):
    """Settings for tests: the shared model cache, an index folder of the test's own, no LLM."""
    from bot.settings import load_settings

    values = {
        "index_dir": tmp / "index",
        "llm_provider": "none",
        "telegram_state_file": tmp / "telegram_state.json",
    }
    values.update(overrides)
    return load_settings(**values)


@pytest.fixture(scope="session")
def article_service(tmp_path_factory):
    """The real core over the bundled article, indexed into a temporary folder."""
    from bot.service import build_service

    tmp = tmp_path_factory.mktemp("article")
    return build_service(core_settings(tmp))


@pytest.fixture(scope="session")
def second_article_dir(tmp_path_factory) -> Path:
    """A folder holding only the second article (with a metadata file)."""
    folder = tmp_path_factory.mktemp("second-article")
    (folder / "bridge-hospital.txt").write_text(SECOND_ARTICLE, encoding="utf-8")
    (folder / "bridge-hospital.json").write_text(
        '{"title": "افتتاح جسر طرابلس ومستشفى صيدا", "source": "رويترز"}', encoding="utf-8"
    )
    return folder


@pytest.fixture(scope="session")
def second_service(tmp_path_factory, second_article_dir):
    """The real core over the second article only."""
    from bot.service import build_service

    tmp = tmp_path_factory.mktemp("second-index")
    return build_service(core_settings(tmp, sources=[second_article_dir]))


@pytest.fixture(scope="session")
def both_service(tmp_path_factory, second_article_dir):
    """The real core over the bundled article and the second article together."""
    from bot.service import build_service
    from bot.settings import BUNDLED_ARTICLES

    tmp = tmp_path_factory.mktemp("both-index")
    return build_service(core_settings(tmp, sources=[BUNDLED_ARTICLES, second_article_dir]))
