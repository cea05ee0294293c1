"""The timezone a page's language tag implies, where it implies only one UTC offset.

"de-AT" names a country with one timezone; "de" alone is spoken in Germany, Austria,
Switzerland, Luxembourg and Liechtenstein, which all keep Central European time. "en", "es",
"fr", "pt", "ar" or "ru" alone span many offsets and imply nothing, nor do countries with
several zones (US, CA, BR, AU, RU, MX, ID).
"""

from __future__ import annotations

import re
from zoneinfo import ZoneInfo

# Countries (ISO 3166 alpha-2) with a single timezone, as news sites' language tags name them.
_COUNTRY_ZONES = {
    "AT": "Europe/Vienna", "BE": "Europe/Brussels", "BG": "Europe/Sofia", "CH": "Europe/Zurich",
    "CN": "Asia/Shanghai", "CZ": "Europe/Prague", "DE": "Europe/Berlin", "DK": "Europe/Copenhagen",
    "EE": "Europe/Tallinn", "EG": "Africa/Cairo", "FI": "Europe/Helsinki", "FR": "Europe/Paris",
    "GB": "Europe/London", "GR": "Europe/Athens", "HK": "Asia/Hong_Kong", "HR": "Europe/Zagreb",
    "HU": "Europe/Budapest", "IE": "Europe/Dublin", "IL": "Asia/Jerusalem", "IN": "Asia/Kolkata",
    "IS": "Atlantic/Reykjavik", "IT": "Europe/Rome", "JP": "Asia/Tokyo", "KE": "Africa/Nairobi",
    "KR": "Asia/Seoul", "LB": "Asia/Beirut", "LI": "Europe/Vaduz", "LT": "Europe/Vilnius",
    "LU": "Europe/Luxembourg", "LV": "Europe/Riga", "NG": "Africa/Lagos", "NL": "Europe/Amsterdam",
    "NO": "Europe/Oslo", "PH": "Asia/Manila", "PK": "Asia/Karachi", "PL": "Europe/Warsaw",
    "PY": "America/Asuncion", "RO": "Europe/Bucharest", "RS": "Europe/Belgrade",
    "SE": "Europe/Stockholm", "SG": "Asia/Singapore", "SI": "Europe/Ljubljana",
    "SK": "Europe/Bratislava", "TH": "Asia/Bangkok", "TR": "Europe/Istanbul", "TW": "Asia/Taipei",
    "UA": "Europe/Kyiv", "UK": "Europe/London", "VN": "Asia/Ho_Chi_Minh",
    "ZA": "Africa/Johannesburg",
}  # fmt: skip
# Languages (ISO 639-1) whose countries all keep the same offsets, with one zone standing
# for them.
_LANGUAGE_ZONES = {
    "bg": "Europe/Sofia", "cs": "Europe/Prague", "de": "Europe/Berlin", "el": "Europe/Athens",
    "et": "Europe/Tallinn", "fi": "Europe/Helsinki", "he": "Asia/Jerusalem", "hr": "Europe/Zagreb",
    "hu": "Europe/Budapest", "is": "Atlantic/Reykjavik", "it": "Europe/Rome", "ja": "Asia/Tokyo",
    "ko": "Asia/Seoul", "lt": "Europe/Vilnius", "lv": "Europe/Riga", "nb": "Europe/Oslo",
    "nl": "Europe/Amsterdam", "nn": "Europe/Oslo", "no": "Europe/Oslo", "pl": "Europe/Warsaw",
    "ro": "Europe/Bucharest", "sk": "Europe/Bratislava", "sl": "Europe/Ljubljana",
    "sv": "Europe/Stockholm", "th": "Asia/Bangkok", "tr": "Europe/Istanbul", "uk": "Europe/Kyiv",
    "vi": "Asia/Ho_Chi_Minh", "zh": "Asia/Shanghai",
}  # fmt: skip
_TAG = re.compile(r"^\s*([a-zA-Z]{2,3})(?:[-_]([a-zA-Z]{2})\b)?")


def zone_of_language(tag: str | None) -> ZoneInfo | None:
    """The zone of a language tag ("de-AT", "ja", "de_DE") when it implies one offset."""
    match = _TAG.match(tag or "")
    if match is None:
        return None
    language, country = match.group(1).lower(), (match.group(2) or "").upper()
    name = _COUNTRY_ZONES.get(country) if country else _LANGUAGE_ZONES.get(language)
    return ZoneInfo(name) if name else None
