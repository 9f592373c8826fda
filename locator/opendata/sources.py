"""The open data the locator finds places with, and the notice each licence asks us to show.

The data inside the exports has its own list (`exports.ATTRIBUTION`); these are the sources the
gazetteer reads to turn a postcode, station or place name into a point. The data page, the
README and the map's attribution name them all.
"""

from __future__ import annotations

from dataclasses import dataclass

OGL = "Open Government Licence v3.0"
OGL_URL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"


@dataclass(frozen=True)
class Source:
    """One dataset: what it gives the locator, its licence and the notice that licence asks for."""

    name: str
    used_for: str
    licence: str
    licence_url: str
    notice: str


PLACE_SOURCES = (
    Source(
        "OS Code-Point Open (May 2025)",
        "The position of every full postcode in Great Britain, and of each postcode sector.",
        OGL,
        OGL_URL,
        "Contains OS data © Crown copyright and database right 2025. Contains Royal Mail data © "
        "Royal Mail copyright and database right 2025. Contains National Statistics data © Crown "
        "copyright and database right 2025.",
    ),
    Source(
        "NaPTAN and NPTG, Department for Transport",
        "Stations, tram, metro and Underground stops, bus and coach stations, landmarks named "
        "beside stops, and locality names such as Piccadilly Gardens.",
        OGL,
        OGL_URL,
        "Contains NaPTAN data from the Department for Transport, licensed under the Open "
        "Government Licence v3.0.",
    ),
    Source(
        "OS Open Names, populated places",
        "Cities, towns, villages, hamlets and suburbs such as Ancoats.",
        OGL,
        OGL_URL,
        "Contains OS data © Crown copyright and database right 2019.",
    ),
    Source(
        "Local Authority Districts (May 2023), Office for National Statistics",
        "The council area and nation of each premises and of the coverage maps.",
        OGL,
        OGL_URL,
        "Source: Office for National Statistics licensed under the Open Government Licence v.3.0. "
        "Contains OS data © Crown copyright and database right 2023.",
    ),
    Source(
        "UK postcode districts (gibbs/uk-postcodes)",
        "The centre of postcode districts Code-Point Open lacks (EC1, W1, Jersey, Guernsey, the "
        "Isle of Man, Northern Ireland).",
        "CC0 1.0",
        "https://creativecommons.org/publicdomain/zero/1.0/",
        "Public domain dedication.",
    ),
    Source(
        "GeoNames",
        "Towns and villages with their population, to rank places of the same name.",
        "CC BY 4.0",
        "https://creativecommons.org/licenses/by/4.0/",
        "GeoNames, geonames.org.",
    ),
    Source(
        "UK railway stations (Trainline EU, via davwheat/uk-railway-stations)",
        "National Rail station names and three-letter codes.",
        "ODbL 1.0",
        "https://opendatacommons.org/licenses/odbl/1-0/",
        "© Trainline EU and contributors; compiled by davwheat.",
    ),
    Source(
        "wordfreq, Robyn Speer",
        "How common an English word is, so that a sentence's everyday words are not taken for "
        "places.",
        "CC BY-SA 4.0",
        "https://creativecommons.org/licenses/by-sa/4.0/",
        "Word frequencies from wordfreq by Robyn Speer, CC BY-SA 4.0.",
    ),
)
