"""HIPAA validation: a notice's text checked against a rule pack of required elements.

Pure: no git, no MkDocs. `document` prepares the text, `rulepack` reads the rules, `profile`
reads the entity profile, `engine` evaluates the elements, `timing` the rules that need the
history, `notices` ties them to versions, `report` writes the findings for people.
"""
