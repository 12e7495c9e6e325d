from __future__ import annotations

import pytest

import newsclean
from newsclean import Options, OptionsError


def test_unknown_option_is_an_error() -> None:
    with pytest.raises(OptionsError, match="langauge"):
        newsclean.clean("text", langauge="en")


@pytest.mark.parametrize("kwargs", [{"input_format": "pdf"}, {"language": "english"},
                                    {"default_timezone": "Mars/Base"}, {"max_input_bytes": 0}])
def test_invalid_values(kwargs: dict[str, object]) -> None:
    with pytest.raises(OptionsError):
        Options.from_kwargs(**kwargs)


def test_reference_date_string_is_parsed() -> None:
    assert Options.from_kwargs(reference_date="2024-01-02T03:04:05Z").reference_date is not None


def test_keep_resolves_aliases_and_accepts_a_single_name() -> None:
    from newsclean.options import Options

    options = Options.from_kwargs(keep=["captions", "comments"])
    assert options.keep == ("captions", "comments")
    assert options.kept_categories == frozenset({"image_credit", "comments"})
    assert Options(keep="teasers").kept_categories == frozenset({"teaser"})  # type: ignore[arg-type]


def test_keep_rejects_unknown_names_and_preferences_exclude_each_other() -> None:
    import pytest

    from newsclean.errors import OptionsError
    from newsclean.options import Options

    with pytest.raises(OptionsError, match="keep"):
        Options(keep=("title",))
    with pytest.raises(OptionsError, match="exclude"):
        Options(favor_precision=True, favor_recall=True)
