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
