"""The OpenAPI 3 document of the public API, built from the same tables the code uses."""

from locator.domain.helplines import BY_TOPIC
from locator.domain.premises import MAX_ID
from locator.domain.vocabulary import CODEWORDS, FACILITIES, INTENTS
from locator.geo.gazetteer import PLACE_KINDS
from locator.listings import checklist
from locator.search.query import DEFAULT_LIMIT, DEFAULT_RADIUS_KM, MAX_LIMIT, MAX_RADIUS_KM

# Text the API takes never holds control characters other than tab and line breaks.
NO_CONTROL = "^[^\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f]*$"
# Times are read between the years 2000 and 2100.
YEARS = "^(20[0-9][0-9]|2100)-"
# Facility codes separated by commas (spaces around them and empty items are ignored).
_CODE = "(" + "|".join(FACILITIES) + ")"
FACILITY_LIST = f"^ *{_CODE}? *(, *{_CODE}? *)*$"

SEARCH_PARAMETERS = (
    ("lat", {"type": "number", "minimum": -90, "maximum": 90}, "Latitude (WGS84); with lon."),
    ("lon", {"type": "number", "minimum": -180, "maximum": 180}, "Longitude (WGS84); with lat."),
    (
        "q",
        {"type": "string", "maxLength": 200, "pattern": NO_CONTROL},
        "A UK postcode, postcode district, town, station, stop, suburb or locality, instead of "
        "lat/lon.",
    ),
    (
        "radius_km",
        {
            "type": "number",
            "minimum": 0,
            "exclusiveMinimum": True,
            "maximum": MAX_RADIUS_KM,
            "default": DEFAULT_RADIUS_KM,
        },
        "Search radius around the point, in kilometres.",
    ),
    (
        "open_now",
        {"type": "boolean", "default": False},
        "Only spaces open at `at` (unknown hours never count as open).",
    ),
    (
        "at",
        {"type": "string", "format": "date-time", "pattern": YEARS},
        "ISO 8601 time between the years 2000 and 2100; without an offset it is "
        "Europe/London local time. Default: now.",
    ),
    (
        "facilities",
        {"type": "string", "example": "phone_charging,toilet", "pattern": FACILITY_LIST},
        "Comma-separated facility codes; every one is required. Codes: "
        + ", ".join(FACILITIES)
        + ".",
    ),
    (
        "bbox",
        {"type": "string", "example": "-2.30,53.46,-2.20,53.50", "pattern": NO_CONTROL},
        "minlon,minlat,maxlon,maxlat: only spaces inside this box (for maps).",
    ),
    (
        "area",
        {"type": "string", "example": "manchester", "pattern": NO_CONTROL},
        "Local authority district slug.",
    ),
    (
        "limit",
        {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT, "default": DEFAULT_LIMIT},
        "Most features to return.",
    ),
    (
        "near",
        {"type": "string", "example": "53.48,-2.24", "pattern": NO_CONTROL},
        'lat,lon of the device, with q: orders the places a name may mean ("Victoria") '
        "nearest first. Used for that alone, and kept nowhere.",
    ),
)

AT_PARAMETER = SEARCH_PARAMETERS[5]


def text(max_length: int | None = None, **schema) -> dict:
    """Return the schema of a text field: no control characters, at most `max_length`."""
    found = {"type": "string", "pattern": NO_CONTROL, **schema}
    if max_length is not None:
        found["maxLength"] = max_length
    return found


def _parameter(name: str, schema: dict, description: str) -> dict:
    return {
        "name": name,
        "in": "query",
        "required": False,
        "schema": schema,
        "description": description,
    }


def _error_responses(*statuses: int) -> dict:
    reasons = {
        400: "A parameter is malformed; `field` names it.",
        404: "Not found.",
        405: "Method not allowed.",
        413: "The request body is too large.",
        429: "Too many requests.",
        503: "The database cannot be reached just now; try again shortly.",
    }
    return {
        str(status): {
            "description": reasons[status],
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
        }
        for status in statuses
    }


def _export_path(summary: str, description: str, media_type: str, body: str) -> dict:
    """Describe one streamed, cached open-data export."""
    return {
        "get": {
            "summary": summary,
            "description": description,
            "responses": {
                "200": {
                    "description": body,
                    "content": {media_type: {"schema": {"type": "object"}}},
                },
                "304": {"description": "Not modified since the `ETag` sent."},
                **_error_responses(405, 429),
            },
        }
    }


def _geopackage_path() -> dict:
    """Describe the GeoPackage export, which takes a crs and is a binary file."""
    path = _export_path(
        "Every public safe space as a GeoPackage, for GIS teams.",
        "One point layer, `safe_spaces`, with the export's data properties as fields (facilities "
        "joined by `;`) and the licence and attribution in the file's metadata. Built once per "
        "data version; CORS open; `ETag` and `If-None-Match` as for export.geojson.",
        "application/geopackage+sqlite3",
        "A GeoPackage (SQLite) file.",
    )
    get = path["get"]
    get["parameters"] = [
        {
            "name": "crs",
            "in": "query",
            "required": False,
            "description": "4326 (WGS84 longitude/latitude, the default) or 27700 (British "
            "National Grid eastings/northings, converted with OSTN15).",
            "schema": {"type": "string", "enum": ["4326", "27700", "EPSG:4326", "EPSG:27700"]},
        }
    ]
    get["responses"]["200"]["content"] = {
        "application/geopackage+sqlite3": {"schema": {"type": "string", "format": "binary"}}
    }
    get["responses"].update(_error_responses(400))
    return path


def _new_link_path() -> dict:
    """Describe the request for a new manage link, answered alike whether the email matched."""
    return {
        "post": {
            "summary": "Mail a fresh manage link to a listing's contact email.",
            "description": "When `contact_email` is the listing's contact email (in any case), a "
            "new private manage link is mailed to it and the old link stops working; when it is "
            "not, or no listing has the reference, nothing is mailed and nothing changes. The "
            "answer is the same either way, so it never tells whether an email is registered. "
            "Limited per client and per reference.",
            "parameters": [
                {
                    "name": "reference",
                    "in": "path",
                    "required": True,
                    "description": "The listing's reference, as in its mails (e.g. SSL-000123).",
                    "schema": {"type": "string", "pattern": "^[Ss][Ss][Ll]-[0-9]{1,12}$"},
                }
            ],
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {
                        "schema": {
                            "type": "object",
                            "additionalProperties": False,
                            "required": ["contact_email"],
                            "properties": {
                                "contact_email": {
                                    "type": "string",
                                    "format": "email",
                                    "maxLength": 254,
                                }
                            },
                        }
                    }
                },
            },
            "responses": {
                "202": {
                    "description": "Accepted: mailed if the email matched; the same if not.",
                    "content": {
                        "application/json": {
                            "schema": {
                                "type": "object",
                                "required": ["status", "message"],
                                "properties": {
                                    "status": {"type": "string", "enum": ["accepted"]},
                                    "message": {"type": "string"},
                                },
                            }
                        }
                    },
                },
                **_error_responses(400, 404, 405, 413, 429, 503),
            },
        }
    }


def openapi_document() -> dict:
    """Return the OpenAPI 3.0 description of /api/v1."""
    nullable_string = {"type": "string", "nullable": True}
    properties = {
        "id": {"type": "integer"},
        "name": {"type": "string"},
        "organisation": {"type": "string"},
        "address": {"type": "string"},
        "postcode": nullable_string,
        "facilities": {"type": "array", "items": {"type": "string", "enum": list(FACILITIES)}},
        "opening_hours": {"type": "string", "description": "OpenStreetMap opening_hours"},
        "open_now": {"type": "boolean", "description": "Open at `at`."},
        "state": {"type": "string", "enum": ["open", "closed", "unknown"]},
        "next_change": {"type": "string", "format": "date-time", "nullable": True},
        "distance_m": {"type": "integer", "description": "Only when a point was given."},
        "walking_minutes": {"type": "integer", "description": "Only when a point was given."},
        "phone": nullable_string,
        "website": nullable_string,
        "how_to_ask": nullable_string,
        "url": {"type": "string", "description": "The space's public page."},
        "area_code": nullable_string,
        "nation": {"type": "string"},
        "demo": {"type": "boolean", "description": "Demo data, not a real safe space."},
        "last_confirmed": {"type": "string", "format": "date", "nullable": True},
        "stale": {
            "type": "boolean",
            "description": "Not confirmed for over a year; listed after the others.",
        },
        "closed_from": {
            "type": "string",
            "format": "date",
            "nullable": True,
            "description": "A temporary closure's first day; null while closed_until is null, "
            "or when the closure runs from now.",
        },
        "closed_until": {
            "type": "string",
            "format": "date",
            "nullable": True,
            "description": "The day a temporary closure ends: the premises open again that day.",
        },
        "status_text": {"type": "string", "description": "e.g. 'Closes in 25 min'."},
        "distance_text": {
            "type": "string",
            "description": "e.g. '350 m · 4 min walk', or '3.7 km · too far to walk'.",
        },
        "open_on_arrival": {
            "type": "boolean",
            "description": (
                "Only when a point was given: open from `at` until `at` + walking_minutes + 5 "
                "minutes. With open_now=true these come first."
            ),
        },
        "holiday": {
            "type": "string",
            "nullable": True,
            "description": "The bank holiday on `at`'s date in the space's nation, if any.",
        },
        "hours_unconfirmed": {
            "type": "boolean",
            "description": (
                "A bank holiday, hours without a PH rule, ordinarily open now: state is "
                "unknown; phone first."
            ),
        },
    }
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "Safe Spaces Locator API",
            "version": "1.0.0",
            "description": "Public, approved External safe spaces in UK shops, nearest first.",
        },
        "paths": {
            "/api/v1/spaces": {
                "get": {
                    "summary": "Search safe spaces near a point, in a box or in an area.",
                    "description": "Nearest first; listings not confirmed for over a year "
                    "come after the others.",
                    "parameters": [_parameter(*p) for p in SEARCH_PARAMETERS],
                    "responses": {
                        "200": {
                            "description": "A GeoJSON FeatureCollection, nearest first.",
                            "content": {
                                "application/geo+json": {
                                    "schema": {"$ref": "#/components/schemas/SpaceCollection"}
                                },
                            },
                        },
                        **_error_responses(400, 405, 429, 503),
                    },
                }
            },
            "/api/v1/spaces/{id}": {
                "get": {
                    "summary": "One public safe space.",
                    "parameters": [
                        {
                            "name": "id",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "integer", "minimum": 1, "maximum": MAX_ID},
                        },
                        _parameter(*AT_PARAMETER),
                    ],
                    "responses": {
                        "200": {
                            "description": "A GeoJSON Feature.",
                            "content": {
                                "application/geo+json": {
                                    "schema": {"$ref": "#/components/schemas/Space"}
                                }
                            },
                        },
                        **_error_responses(400, 404, 405, 429, 503),
                    },
                }
            },
            "/api/v1/chat": {
                "post": {
                    "summary": "Ask the assistant; danger always leads with 999.",
                    "description": "Rule-based (no language model). The message is never "
                    "logged or stored. Results are open at `at` and have every facility asked "
                    "for, nearest first.",
                    "requestBody": {
                        "required": True,
                        "content": {
                            "application/json": {
                                "schema": {"$ref": "#/components/schemas/ChatRequest"}
                            }
                        },
                    },
                    "responses": {
                        "200": {
                            "description": "The reply.",
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": "#/components/schemas/ChatReply"}
                                }
                            },
                        },
                        "503": {
                            "description": "Places could not be searched (the database is "
                            "down): the reply still leads with 999 and the helplines.",
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": "#/components/schemas/ChatReply"}
                                }
                            },
                        },
                        **_error_responses(400, 405, 413, 429),
                    },
                }
            },
            "/api/v1/registrations": {
                "post": {
                    "summary": "Register premises; nothing is public until a moderator approves.",
                    "requestBody": {
                        "required": True,
                        "content": {
                            "application/json": {
                                "schema": {"$ref": "#/components/schemas/Registration"}
                            }
                        },
                    },
                    "responses": {
                        "201": {
                            "description": "Received: pending, with the private manage link.",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "type": "object",
                                        "properties": {
                                            "id": {"type": "integer"},
                                            "reference": {"type": "string"},
                                            "status": {"type": "string", "enum": ["pending"]},
                                            "manage_url": {"type": "string"},
                                            "approximate_location": {"type": "boolean"},
                                        },
                                    }
                                }
                            },
                        },
                        **_error_responses(400, 405, 413, 429, 503),
                    },
                }
            },
            "/api/v1/registrations/{reference}/link": _new_link_path(),
            "/api/v1/export.geojson": _export_path(
                "Every public safe space as open data (GeoJSON, RFC 7946).",
                "Streamed; CORS open; `ETag` changes with the data and `If-None-Match` gets "
                "304. Features carry the data properties of a space (no open_now/state: they "
                "depend on the moment). Top-level `licence`, `licence_url`, `attribution` and "
                "`generated`; demo premises have `demo: true` and a `source` naming their "
                "licence in `attribution`.",
                "application/geo+json",
                "A GeoJSON FeatureCollection of every public space.",
            ),
            "/api/v1/export.hsds.json": _export_path(
                "Every public safe space as Open Referral HSDS 3.0 services.",
                "Streamed; CORS open; cached like export.geojson. One page of the HSDS 3.0 "
                "`/services?full=true` shape: `contents` holds each service with its "
                "organization, service_at_locations, location, address, phones, "
                "accessibility and schedules; ids are stable UUIDs.",
                "application/json",
                "HSDS 3.0 services with licence and attribution.",
            ),
            "/api/v1/export.gpkg": _geopackage_path(),
            "/api/v1/openapi.json": {
                "get": {
                    "summary": "This document.",
                    "responses": {"200": {"description": "OpenAPI 3 document."}},
                }
            },
            "/healthz": {
                "get": {
                    "summary": "200 when the database is reachable, 503 when not.",
                    "responses": {
                        "200": {"description": "Healthy."},
                        "503": {"description": "The database is not reachable."},
                    },
                }
            },
        },
        "components": {
            "schemas": {
                "Error": {
                    "type": "object",
                    "required": ["error"],
                    "properties": {
                        "error": {
                            "type": "object",
                            "required": ["code", "message"],
                            "properties": {
                                "code": {"type": "string"},
                                "message": {"type": "string"},
                                "field": nullable_string,
                            },
                        }
                    },
                },
                "Space": {
                    "type": "object",
                    "required": ["type", "id", "geometry", "properties"],
                    "properties": {
                        "type": {"type": "string", "enum": ["Feature"]},
                        "id": {"type": "integer"},
                        "geometry": {
                            "type": "object",
                            "properties": {
                                "type": {"type": "string", "enum": ["Point"]},
                                "coordinates": {
                                    "type": "array",
                                    "items": {"type": "number"},
                                    "minItems": 2,
                                    "maxItems": 2,
                                },
                            },
                        },
                        "properties": {"type": "object", "properties": properties},
                    },
                },
                "Registration": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": [
                        "name",
                        "organisation",
                        "address",
                        "opening_hours",
                        "scheme",
                        "contact_email",
                        "checklist",
                    ],
                    "description": "Besides this schema: the place must be in the UK, given by "
                    "lat and lon or by a postcode that exists, and opening_hours must follow "
                    "OpenStreetMap's opening_hours grammar.",
                    "properties": {
                        "name": text(200, minLength=1),
                        "organisation": text(200, minLength=1),
                        "address": text(500, minLength=1),
                        "postcode": text(10),
                        "lat": {"type": "number", "minimum": -90, "maximum": 90},
                        "lon": {"type": "number", "minimum": -180, "maximum": 180},
                        "opening_hours": text(
                            500, minLength=1, description="OpenStreetMap opening_hours"
                        ),
                        "facilities": {
                            "type": "array",
                            "items": {"type": "string", "enum": list(FACILITIES)},
                        },
                        # The import's phone pattern, on the text with its ends trimmed.
                        "phone": {
                            "type": "string",
                            "pattern": f"^{SPACE}*"
                            "(?:\\+[0-9 ()\\-]{2,29}|[0-9()\\-][0-9 ()\\-]{1,28})[0-9()\\-]"
                            f"{SPACE}*$",
                        },
                        "website": {
                            "type": "string",
                            "maxLength": 500,
                            "pattern": "^https?://[^\\s/\\u0000-\\u001f\\u007f]+"
                            "\\.[^\\s\\u0000-\\u001f\\u007f]+$",
                        },
                        "how_to_ask": text(1000),
                        "scheme": {"type": "string", "enum": ["external", "internal"]},
                        "contact_email": {"type": "string", "format": "email", "maxLength": 254},
                        "codewords": {
                            "type": "array",
                            "uniqueItems": True,
                            "description": "Codeword schemes the business has joined and "
                            "trained for; the window sticker names only these.",
                            "items": {"type": "string", "enum": list(CODEWORDS)},
                        },
                        "checklist": _checklist_schema(),
                    },
                },
                "ChatRequest": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["message"],
                    "description": "lat and lon come together or not at all.",
                    "properties": {
                        "message": text(description="Read up to 1,000 chars."),
                        # null: the same as not sent (no position shared, now).
                        "lat": {"type": "number", "minimum": -90, "maximum": 90, "nullable": True},
                        "lon": {
                            "type": "number",
                            "minimum": -180,
                            "maximum": 180,
                            "nullable": True,
                        },
                        "at": {
                            "type": "string",
                            "format": "date-time",
                            "pattern": YEARS,
                            "nullable": True,
                        },
                        "context": {
                            "$ref": "#/components/schemas/ChatContext",
                            "description": "The last reply's context, sent back unchanged.",
                        },
                        "lang": {
                            "type": "string",
                            "nullable": True,
                            "enum": ["en", "cy"],
                            "description": "The page's language: the reply's when neither the "
                            "message (English or Welsh) nor the context says.",
                        },
                    },
                },
                "ChatContext": {
                    "type": "object",
                    "nullable": True,
                    "description": "The conversation so far; held by the client, never stored.",
                    "additionalProperties": False,
                    "properties": {
                        "question": {
                            "type": "string",
                            "nullable": True,
                            "enum": ["location", "need"],
                        },
                        "intent": {
                            "type": "string",
                            "nullable": True,
                            "enum": ["find_space", "emergency", "support"],
                        },
                        "emergency": {"type": "boolean"},
                        "needs": {
                            "type": "array",
                            "maxItems": 20,
                            "items": {"type": "string", "enum": list(FACILITIES)},
                        },
                        "topics": {
                            "type": "array",
                            "maxItems": 20,
                            "items": {"type": "string", "enum": list(BY_TOPIC)},
                        },
                        "location": {
                            "type": "object",
                            "nullable": True,
                            "additionalProperties": False,
                            "required": ["lat", "lon", "label", "source"],
                            "properties": {
                                "lat": {"type": "number", "minimum": -90, "maximum": 90},
                                "lon": {"type": "number", "minimum": -180, "maximum": 180},
                                "label": text(200, minLength=1),
                                "source": {"type": "string", "enum": ["postcode", "place"]},
                            },
                        },
                        "language": {
                            "type": "string",
                            "nullable": True,
                            "enum": ["en", "cy"],
                            "description": "The conversation's language, which the reply is in.",
                        },
                    },
                },
                "ChatReply": {
                    "type": "object",
                    "required": [
                        "reply",
                        "intent",
                        "emergency",
                        "facilities",
                        "location",
                        "needs_location",
                        "question",
                        "choices",
                        "results",
                        "helplines",
                        "local_contacts",
                        "context",
                    ],
                    "properties": {
                        "reply": {"type": "string"},
                        "unavailable": {
                            "type": "boolean",
                            "description": "True when places could not be searched (the "
                            "database is down; the status is then 503): the reply and helplines "
                            "still stand.",
                        },
                        "intent": {"type": "string", "enum": list(INTENTS)},
                        "emergency": {"type": "boolean"},
                        "facilities": {
                            "type": "array",
                            "items": {"type": "string", "enum": list(FACILITIES)},
                        },
                        "location": {
                            "type": "object",
                            "nullable": True,
                            "properties": {
                                "lat": {"type": "number"},
                                "lon": {"type": "number"},
                                "label": {"type": "string"},
                                "source": {
                                    "type": "string",
                                    "enum": ["device", "postcode", "place"],
                                },
                            },
                        },
                        "needs_location": {"type": "boolean"},
                        "question": {
                            "type": "string",
                            "nullable": True,
                            "enum": ["location", "need"],
                            "description": "The one question the reply asks to move on.",
                        },
                        "choices": {
                            "type": "array",
                            "description": "Buttons: send `message`, or do `action`.",
                            "items": {
                                "type": "object",
                                "properties": {
                                    "label": {"type": "string"},
                                    "message": {"type": "string"},
                                    "action": {"type": "string", "enum": ["share_location"]},
                                },
                            },
                        },
                        "context": {"$ref": "#/components/schemas/ChatContext"},
                        "results": {
                            "type": "array",
                            "items": {
                                "type": "object",
                                "description": "Space properties plus lat, lon, directions.",
                                "properties": {
                                    **properties,
                                    "lat": {"type": "number"},
                                    "lon": {"type": "number"},
                                },
                            },
                        },
                        "helplines": {
                            "type": "array",
                            "items": {
                                "type": "object",
                                "properties": {
                                    "name": {"type": "string"},
                                    "phone": {"type": "string"},
                                    "topic": {"type": "string"},
                                    "hours": {"type": "string"},
                                    "open_now": {"type": "boolean"},
                                },
                            },
                        },
                        "local_contacts": {
                            "type": "array",
                            "description": "Contacts the local partnership keeps for the topics "
                            "(`open_now` null when their hours do not say).",
                            "items": {
                                "type": "object",
                                "properties": {
                                    "name": {"type": "string"},
                                    "phone": {"type": "string"},
                                    "website": {"type": "string", "nullable": True},
                                    "topics": {"type": "array", "items": {"type": "string"}},
                                    "hours_text": {"type": "string", "nullable": True},
                                    "open_now": {"type": "boolean", "nullable": True},
                                },
                            },
                        },
                        "matched": {
                            "type": "array",
                            "items": {"type": "string"},
                            "description": "The rules that fired, to explain the answer.",
                        },
                    },
                },
                "SpaceCollection": {
                    "type": "object",
                    "required": ["type", "features"],
                    "properties": {
                        "type": {"type": "string", "enum": ["FeatureCollection"]},
                        "features": {
                            "type": "array",
                            "items": {"$ref": "#/components/schemas/Space"},
                        },
                        "description": {"type": "string"},
                        "location": {
                            "type": "object",
                            "properties": {
                                "lat": {"type": "number"},
                                "lon": {"type": "number"},
                                "label": {"type": "string"},
                                "source": {"type": "string", "enum": ["device", *PLACE_KINDS]},
                                "alternatives": {
                                    "type": "array",
                                    "description": "Other places the name in q may mean, "
                                    "likeliest (or nearest `near`) first; a label others "
                                    "share names its council area.",
                                    "items": {
                                        "type": "object",
                                        "properties": {
                                            "label": {"type": "string"},
                                            "lat": {"type": "number"},
                                            "lon": {"type": "number"},
                                            "kind": {"type": "string", "enum": list(PLACE_KINDS)},
                                        },
                                    },
                                },
                            },
                        },
                    },
                },
            }
        },
    }


# What Python's str.strip() takes off a value's ends, less the control characters every input
# refuses (locator.domain.text.CONTROL): a pattern's \s would let those through.
SPACE = "[ \\t\\n\\r\\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]"


def _checklist_schema() -> dict:
    """Describe the readiness answers: yes/no or a choice, essentials true."""
    properties = {}
    for q in checklist.QUESTIONS:
        if q.choices is not None:
            properties[q.key] = {"type": "string", "enum": list(q.choices), "description": q.text}
        else:
            essential = {"enum": [True]} if q.essential else {}
            properties[q.key] = {"type": "boolean", "description": q.text, **essential}
    properties[checklist.SPACE_CHECKED] = {
        "type": "boolean",
        "enum": [True],
        "description": "The first checklist's one answer for every physical check; a "
        "physical check answered on its own takes precedence.",
    }
    physical = [k for k in checklist.ESSENTIAL if k in checklist.PHYSICAL]
    return {
        "type": "object",
        "description": "Readiness answers by the guidance's five stages. Essential questions "
        "must be true; the planning choices and the later checks may be left for the manage "
        "page. The physical checks are answered one by one or all at once by space_checked.",
        "required": list(checklist.REQUIRED),
        "additionalProperties": False,
        "properties": properties,
        "anyOf": [{"required": [checklist.SPACE_CHECKED]}, {"required": physical}],
    }
