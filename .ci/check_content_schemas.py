"""Validates every content file against the JSON Schema its "$schema" names, with Python's jsonschema.

An independent implementation of JSON Schema 2020-12: if the generated schemas reject valid content (or
accept broken content) in editors, this fails even when `atelier validate` passes.
"""
import json
import os
import sys

import jsonschema

ROOTS = ("Curricula", "Assessments", "Tests/AtelierContentTests/Fixtures/mini")
problems = 0
checked = 0
for root in ROOTS:
    for directory, _, files in os.walk(root):
        for name in sorted(files):
            if not name.endswith(".json") or name.endswith(".schema.json"):
                continue
            path = os.path.join(directory, name)
            with open(path, encoding="utf-8") as handle:
                document = json.load(handle)
            schema_path = os.path.normpath(os.path.join(directory, document["$schema"]))
            with open(schema_path, encoding="utf-8") as handle:
                schema = json.load(handle)
            jsonschema.Draft202012Validator.check_schema(schema)
            for error in jsonschema.Draft202012Validator(schema).iter_errors(document):
                problems += 1
                print(f"{path}: /{'/'.join(map(str, error.path))}: {error.message[:300]}")
            checked += 1

# The schemas must also reject what they should: a broken body and an unknown key.
with open("Assessments/schemas/form.schema.json", encoding="utf-8") as handle:
    form_schema = json.load(handle)
with open("Tests/AtelierContentTests/Fixtures/mini/pre.json", encoding="utf-8") as handle:
    form = json.load(handle)
form["items"][2]["body"]["answr"] = True
form["pasMark"] = 0.5
rejected = {"/".join(map(str, e.path)) for e in jsonschema.Draft202012Validator(form_schema).iter_errors(form)}
for expected in ("items/2/body", ""):
    if expected not in rejected:
        problems += 1
        print(f"form.schema.json accepts a broken form: nothing reported at /{expected}")

print(f"{checked} content files checked against their schemas, {problems} problems")
sys.exit(1 if problems else 0)
