nav-standards = Standards
nav-mandatory = Mandatory list
standards-title = Standards catalogue
standard-new = New standard
standards-import-title = Import standards
standards-import-hint = XLSX or CSV with one standard per row (HS codes separated by spaces), or JSON exported from Tashil (with clauses). Nothing is imported unless every row is valid.
export-json = Export JSON
standards-search-label = Search standards
standards-search-hint = Title, scope or number in any spelling: «ISIRI 1234», «INSO-1234», «TCVN 5699-1:2010», with or without diacritics or ZWNJ.
filters = Filters
standards-found = { $count ->
    [one] { $count } standard
   *[other] { $count } standards
}
standards-none = No standard matches.
field-body = Standards body
field-standard = Standard
field-standard-number = Number
field-year = Year
field-edition = Edition
field-title-fa = Title (Persian)
field-title-en = Title (English)
field-title-vi = Title (Vietnamese)
field-scope = Scope
field-scope-fa = Scope (Persian)
field-scope-en = Scope (English)
field-scope-vi = Scope (Vietnamese)
field-ics = ICS codes
field-hs-codes = HS codes
field-mandatory = Mandatory
field-mandatory-from = Mandatory from
field-replaced-by = Replaced by
field-replaces = Replaces
field-enquiry-deadline = Enquiry closes on
body-inso = INSO (Iran)
body-tcvn = TCVN (Vietnam)
body-qcvn = QCVN (Vietnam, technical regulation)
body-iso = ISO
body-iec = IEC
body-iso-iec = ISO/IEC
body-codex = Codex Alimentarius
standard-status-draft = Draft
standard-status-enquiry = Public enquiry
standard-status-published = Published
standard-status-amended = Amended
standard-status-withdrawn = Withdrawn
mandatory-yes = Mandatory
mandatory-no = Voluntary
mandatory-badge = Mandatory
mandatory-since = since
standard-identity = Identification
standard-products-title = Products it applies to
clauses-title = Requirements
hint-clauses = One row per measurable requirement: a minimum, a maximum or both with a unit, or allowed values separated by |.
field-clause = Clause
field-parameter = Parameter
field-parameter-fa = Parameter (Persian)
field-parameter-en = Parameter (English)
field-parameter-vi = Parameter (Vietnamese)
field-requirement = Requirement
field-test-method = Test method
field-min = Minimum
field-max = Maximum
field-allowed = Allowed values
req-between = { $min } to { $max }
req-min = at least { $min }
req-max = at most { $max }
enquiry-title = Public enquiry
enquiry-open-until = Open for comments until
enquiry-closed-on = Closed on
comments-none = No comments.
comment-whole-draft = The draft as a whole
comment-new = Comment on this draft
field-comment = Comment
field-proposal = Proposed change
comment-send = Send comment
committee-response = Committee's response
field-decision = Decision
decision-accepted = accepted
decision-partly-accepted = partly accepted
decision-rejected = rejected
respond = Record response
standard-manage = Lifecycle and mandatory list
transition-to = Move to
transition-apply = Apply
enquiry-close = Close the enquiry now
mandatory-add = Add to the mandatory list
mandatory-remove = Remove from the mandatory list
mandatory-add-in = Add to { $country }'s mandatory list
mandatory-remove-in = Remove from { $country }'s mandatory list
field-mandatory-country = Country's list
mandatory-every-country = Every country
hint-date = A date such as 2025-03-21 or 1404/01/01.
mandatory-title = Which mandatory standards apply?
mandatory-intro = Enter a product's HS code or heading, or choose a product, to see the mandatory standards and technical regulations in force for it.
hint-hs-lookup = Any digits, with or without dots: 2523.29, ۷۲۱۴, 0401.
mandatory-found = { $count ->
    [one] { $count } mandatory standard applies.
   *[other] { $count } mandatory standards apply.
}
province-mandatory-title = Products under mandatory standards
province-mandatory-units = { $count ->
    [one] { $count } active unit makes a product under a mandatory standard.
   *[other] { $count } active units make products under mandatory standards.
}
err-duplicate-standard = A standard with this body, number and year is already in the catalogue.
err-transition-not-allowed = This standard cannot be moved to that status.
err-enquiry-closed = The public enquiry on this standard is closed.
err-invalid-standard-number = Not a standard number.
err-invalid-year = Not a year between 1900 and 2100.
err-invalid-number = Not a number.
err-title-required = Give the title in at least one language.
err-invalid-ics = Not an ICS code (such as 91.100.10).
err-invalid-unit = Not a UNECE Recommendation 20 unit code.
err-max-below-min = The maximum is below the minimum.
err-requirement-missing = Give a minimum, a maximum or allowed values.
err-invalid-date = Not a valid date.
err-date-in-past = The date is in the past.
err-invalid-replacement = The replacing standard must exist and be in force.
err-invalid-json = The JSON file could not be read (line shown).
err-mandatory-not-in-force = Only a published or amended standard can be mandatory.
field-uom = Unit of measure
waiting-enquiries-closed = { $count ->
    [one] { $count } public enquiry closed on { $date } and waits for the committee's decision.
   *[other] { $count } public enquiries have closed, the first on { $date }, and wait for the committee's decision.
}
waiting-comments-unanswered = { $count ->
    [one] { $count } comment from a closed enquiry waits for a response.
   *[other] { $count } comments from closed enquiries wait for a response.
}
waiting-enquiries-open = { $count ->
    [one] { $count } draft standard is open for comment until { $date }.
   *[other] { $count } draft standards are open for comment, the first until { $date }.
}
standards-import-done = { $count ->
    [one] { $count } standard imported.
   *[other] { $count } standards imported.
}
