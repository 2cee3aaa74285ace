"""What the OpenAPI document cannot state, for the schemathesis run.

The document states every rule JSON Schema can express: types, enumerations, patterns,
lengths, ranges, required fields. A few rules compare two fields or name records that must
exist; the server answers them with 422 and the failing fields (docs/api.md lists them). A body
drawn as valid by the document may break such a rule, and the server is right to refuse it, so
before a request the run brings the bodies it drew as valid into line with these rules:

- references to stored records (partners, good practices, documents, work packages, periods)
  name records of the demo data, which run.sh reads from the API into MFX_FIXTURES;
- two fields in order: a practice's years, its loan sizes, a meeting's times, an action's dates;
- a meeting has a place or an online address; an action plan has a text for each action;
- a password is not one character repeated, has at most 1024 bytes (the document can only
  count characters), and the current one is the current one;
- an upload is a file of an accepted type (the server judges the type from the content);
- a move in a workflow that needs a comment has one;
- a translation of an action plan has a text for each of the plan's actions.

The coverage phase of schemathesis also sends `If-Match: 0` as a value the document allows;
it does not (the header is `*` or a list of entity tags), and the server answers it with 400.
Such a drawn value is sent as `*`.

Requests drawn as invalid are sent as drawn.
"""

import datetime
import json
import os
import re
import urllib.request

import schemathesis

FIXTURES = json.loads(os.environ.get("MFX_FIXTURES", "{}"))
PARTNERS = FIXTURES.get("partners") or ["bucharest-ilfov"]
PRACTICES = FIXTURES.get("practices") or []
WORK_PACKAGES = FIXTURES.get("work_packages") or []
PERIODS = FIXTURES.get("periods") or []
# The password of the account the run signs in with; it follows the changes the run makes.
PASSWORD = {"current": os.environ.get("MFX_CHECKS_PASSWORD", "")}

API = os.environ.get("MFX_API_URL", "")
TOKEN = os.environ.get("MFX_API_TOKEN", "")
IF_MATCH = re.compile(r'^(\*|(W/)?"[!#-~]*"([ \t]*,[ \t]*(W/)?"[!#-~]*")*)$')

# The smallest PDF the server recognises: its type is judged from these first bytes.
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def _positive(case):
    meta = getattr(case, "meta", None)
    return meta is not None and meta.generation.mode.is_positive


def _known(value, known):
    if not known or not isinstance(value, str) or value in known:
        return value
    return known[sum(value.encode()) % len(known)]


def _in_order(obj, low, high):
    if isinstance(obj, dict):
        a, b = obj.get(low), obj.get(high)
        if a is not None and b is not None and type(a) is type(b) and b < a:
            obj[low], obj[high] = b, a


def _local_time(text):
    try:
        return datetime.datetime.fromisoformat(text)
    except (TypeError, ValueError):
        return None


def _fix_meeting(body):
    for field, fallback in (("starts_at", "2025-05-20T09:00:00"), ("ends_at", "2025-05-21T16:00:00")):
        if field in body and _local_time(body[field]) is None:
            body[field] = fallback
    start, end = _local_time(body.get("starts_at")), _local_time(body.get("ends_at"))
    if start and end and end < start:
        body["starts_at"], body["ends_at"] = body["ends_at"], body["starts_at"]
    online = body.get("online_url")
    place = body.get("place")
    if "place" in body or "online_url" in body or "starts_at" in body:
        if not (isinstance(place, str) and place.strip()) and not (isinstance(online, str) and online.strip()):
            body["place"] = "Kamnik"
    for attendee in body.get("attendees") or []:
        if isinstance(attendee, dict) and attendee.get("partner") is not None:
            attendee["partner"] = _known(attendee["partner"], PARTNERS)
    items = body.get("action_items") or []
    for item in items:
        if isinstance(item, dict):
            if item.get("assignee") is not None:
                item["assignee"] = _known(item["assignee"], PARTNERS)
            # Ids name items of the stored note; new items come without one.
            item.pop("id", None)


def _fix_plan(body, creating):
    actions = body.get("actions")
    if isinstance(actions, list):
        for action in actions:
            if isinstance(action, dict):
                _in_order(action, "starts_on", "ends_on")
                action.pop("id", None)
                if PRACTICES:
                    action["inspired_by"] = [_known(p, PRACTICES) for p in action.get("inspired_by") or []]
        text = body.get("text")
        if isinstance(text, dict) or creating:
            text = text if isinstance(text, dict) else {}
            texts = [t for t in text.get("actions") or [] if isinstance(t, dict)]
            while len(texts) < len(actions):
                texts.append({"title": "Action"})
            text["actions"] = texts[: len(actions)]
            body["text"] = text
    elif isinstance(body.get("text"), dict):
        # Without `actions`, the texts must match the stored actions: leave those alone.
        body["text"].pop("actions", None)


def _both_ends(body, low, high, earliest, latest):
    """A change of one end of a span keeps it around the stored other end."""
    if low in body and high not in body:
        body[high] = latest
    elif high in body and low not in body:
        body[low] = earliest


def _fix_document(body, kind, creating):
    if body.get("partner") is not None:
        body["partner"] = _known(body["partner"], PARTNERS)
    if not creating:
        _both_ends(body, "start_year", "end_year", 1900, 2100)
        _both_ends(body, "starts_at", "ends_at", "0001-01-01T00:00:00", "9999-12-31T23:59:59")
    if kind == "practices":
        _in_order(body, "start_year", "end_year")
        _in_order(body.get("evidence"), "loan_size_min_eur", "loan_size_max_eur")
    elif kind == "meeting-notes":
        _fix_meeting(body)
    elif kind == "action-plans":
        _fix_plan(body, creating)


def _fix_deliverable(body):
    if "partners" in body and isinstance(body["partners"], list):
        body["partners"] = [_known(p, PARTNERS) for p in body["partners"]]
    if "work_package" in body:
        body["work_package"] = _known(body["work_package"], WORK_PACKAGES)
    if body.get("period") is not None:
        body["period"] = _known(body["period"], PERIODS)
    if "evidence" in body and isinstance(body["evidence"], list):
        body["evidence"] = [_known(d, PRACTICES) for d in body["evidence"]]


def _plan_actions(plan_id):
    """How many actions a stored plan has (None if it cannot be read)."""
    request = urllib.request.Request(f"{API}/api/v1/action-plans/{plan_id}", headers={"Authorization": f"Bearer {TOKEN}"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return len(json.load(response).get("actions") or [])
    except (OSError, ValueError):
        return None


def _password(password):
    """A drawn password as the rules the document cannot state want it."""
    if not isinstance(password, str):
        return password
    # The strength estimator refuses easy passwords ("000000000000") and reads only the first
    # 100 characters: words that make it hard to guess come first, then the drawn value.
    strong = "harbour lantern juniper quietly "
    while len(password.encode()) > 1024 - len(strong):
        password = password[:-1]
    return strong + password


@schemathesis.hook
def before_call(context, case, kwargs):
    if not _positive(case):
        return
    headers = case.headers or {}
    for name in list(headers):
        if name.lower() == "if-match" and not IF_MATCH.match(str(headers[name])):
            headers[name] = "*"
    path, method = case.operation.path, case.method.upper()
    body = case.body if isinstance(case.body, dict) else None
    segments = path.strip("/").split("/")
    kind = segments[2] if len(segments) > 2 else ""
    if method == "POST" and path.endswith("/attachments"):
        case.body = PDF
    elif method in ("POST", "PATCH") and body is not None and kind in ("practices", "meeting-notes", "action-plans"):
        if path.endswith("/transitions"):
            if not (isinstance(body.get("comment"), str) and body["comment"].strip()):
                body["comment"] = "Checked."
        elif path.count("/") <= 4:
            _fix_document(body, kind, method == "POST")
    elif method == "PUT" and body is not None and "/translations/" in path and kind == "action-plans":
        count = _plan_actions((case.path_parameters or {}).get("id"))
        if count is not None and isinstance(body.get("text"), dict):
            texts = [t for t in body["text"].get("actions") or [] if isinstance(t, dict)]
            while len(texts) < count:
                texts.append({"title": "Action"})
            body["text"]["actions"] = texts[:count]
    elif kind == "deliverables" and body is not None:
        if path.endswith("/transitions"):
            if not (isinstance(body.get("comment"), str) and body["comment"].strip()):
                body["comment"] = "Checked."
        else:
            _fix_deliverable(body)
    elif kind == "users" and body is not None:
        if body.get("partner") is not None:
            body["partner"] = _known(body["partner"], PARTNERS)
        if body.get("password") is not None:
            body["password"] = _password(body["password"])
    elif path == "/api/v1/me/password" and body is not None:
        body["current_password"] = PASSWORD["current"]
        new = _password(body.get("new_password"))
        if new == PASSWORD["current"]:
            new = new[:-1] + ("!" if new[-1] != "!" else "?")
        body["new_password"] = new


@schemathesis.hook
def after_call(context, case, response):
    if case.operation.path == "/api/v1/me/password" and response.status_code == 204 and isinstance(case.body, dict):
        PASSWORD["current"] = case.body.get("new_password", PASSWORD["current"])
