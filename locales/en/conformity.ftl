# Conformity assessment (issue 19): accredited labs, their scope, test requests.
nav-labs = Accredited labs
nav-accreditations = Accreditations
nav-test-requests = Test requests
labs-title = Accredited laboratories and certification bodies
labs-intro = Laboratories and certification bodies whose accreditation is active and valid today, with the standards, clauses and test methods it covers.
labs-search = Test, standard, method or product
labs-any-province = Any province
accreditations-title = Accreditations
accreditation-new = Enter an accreditation
accreditation-create = Save the accreditation
accreditation-scope = Scope of accreditation
accreditation-scope-add = Add a clause to the scope
accreditation-status-change = Status of the accreditation
accreditation-not-in-force = not in force today
accreditation-status-active = Active
accreditation-status-suspended = Suspended
accreditation-status-withdrawn = Withdrawn
field-lab = Laboratory or body
field-lab-org-id = Laboratory or body
field-accreditation-body = Accreditation body
field-certificate-number = Certificate number
field-valid-from = Valid from
field-valid-until = Valid until
field-standard-id = Standard (catalogue number)
field-turnaround-days = Turnaround (working days)
field-clauses = Clauses
field-purpose = Purpose
field-application-id = Licence application
field-note = Note for the laboratory
field-decision-rule = Decision rule for the verdicts
field-q = Search
field-request-number = Number
field-requester = Requested by
field-sent-on = Sent on
field-decline-reason = Reason for declining
field-answered-on = Answered on
test-requests-title = Test requests
test-request = Test request
test-request-new = New test request
test-request-any-status = Any status
test-request-status-sent = Sent
test-request-status-accepted = Accepted
test-request-status-declined = Declined
test-request-purpose-own_unit = Own product
test-request-purpose-application = Licence application
test-request-purpose-market_sample = Market sample
test-request-clauses-hint = The clause numbers of the standard, separated by commas.
test-request-find-labs = Find laboratories
test-request-offers = Laboratories offered
test-request-no-lab = No laboratory with an accreditation in force covers any of these clauses.
test-request-turnaround = { $days ->
    [one] { $days } working day
   *[other] { $days } working days
}
test-request-covers-part = covers { $clauses } only;
test-request-missing = not { $clauses } (send those to another laboratory).
test-request-send = Send the request
test-request-answer = Answer the request
test-request-accept = Accept
test-request-decline = Decline
waiting-test-requests-to-answer = { $count ->
    [one] { $count } test request waits for your laboratory's answer.
   *[other] { $count } test requests wait for your laboratory's answer.
}
waiting-test-requests-declined = { $count ->
    [one] A laboratory declined { $count } of your test requests: send it to another.
   *[other] Laboratories declined { $count } of your test requests: send them to others.
}
err-conformity-state-conflict = This cannot be done at the record's current stage.
err-not-a-lab = Not a laboratory, certification or inspection body.
err-lab-without-province = This laboratory has no province recorded.
err-duplicate-certificate = This accreditation body's certificate is already entered.
err-unknown-standard = No such standard in the catalogue.
err-unknown-clause = The standard has no such clause.
err-duplicate-scope-entry = This clause is already in the scope.
err-before-valid-from = The end of validity comes before its start.
err-lab-not-offered = This laboratory does not cover every clause asked with an accreditation in force today.
err-not-for-purpose = Only a request for a licence application names one.
err-not-for-requester = You cannot send a request for this purpose.
accreditations-import-title = Import accreditations and their scope
accreditations-import-hint = One scope entry a row (CSV or XLSX). A row names its accreditation by its body and certificate number; the first row of a certificate not yet entered also gives the laboratory's number, the validity and the status. Nothing is saved unless every row is valid.
sample-title = Sample and chain of custody
sample-none = No sample recorded yet.
sample-record = Record the sample
sample-label = Printable label
field-sample-code = Sample code
field-taken-by = Taken by
field-taken-where = Taken at (place)
field-taken-at = Taken on
field-seal-numbers = Seal numbers
field-quantity = Quantity
field-condition-on-receipt = Condition on receipt
field-storage = Storage
field-giver = Handed over by
field-receiver = Received by
field-handed-at = Handed over on
field-seal-intact = Seal intact
custody-chain = Chain of custody
custody-add = Record a hand-over
custody-flags = Flags
custody-flagged = The chain of custody has a gap or a broken seal: see the flags below.
custody-flag-gap = Gap: the giver is not who last received the sample
custody-flag-time-backwards = Time runs backwards
custody-flag-broken-seal = Seal broken
## Conformity assessment: verdicts on lab results and the decision rules behind them.
conformity-verdict-pass = Pass
conformity-verdict-fail = Fail
conformity-verdict-inconclusive = Inconclusive
conformity-rule-simple-acceptance = Simple acceptance (shared risk: the measured value alone)
conformity-rule-guard-banded = Guard band equal to the uncertainty (ILAC-G8)
## A result refused before any verdict.
err-value-not-finite = The value must be a finite number.
err-uncertainty-invalid = The expanded uncertainty must be a number, zero or more.
err-coverage-invalid = The coverage factor must be a number of 1 or more (usually 2).
err-limit-not-finite = A limit must be a finite number.
err-limits-crossed = No value meets both limits: the minimum must be below the maximum.
err-unit-inconvertible = A result in { $from } cannot be stated in the clause's unit, { $to }: they measure different quantities.
err-value-out-of-range = The value is too large to be stated in the clause's unit.
err-category-expected = This clause takes one of its allowed values, not a number.
err-number-expected = This clause takes a measured value with its unit, not a listed value.
err-uncertainty-required = The guard-banded decision rule needs the result's expanded uncertainty.
## Released reports and their revisions.
err-report-released = This report is released and cannot be changed: issue a corrected revision instead.
err-report-not-released = This report is not released yet: edit it rather than revising it.
err-revision-other-request = A revision must correct a report of the same test request.
err-revision-not-latest = This revision has already been corrected: correct its latest revision.
err-revision-not-next = A revision must take the number after the one it corrects.

## Entering results.
err-other-request = This result names another request than the one on this page.
err-unknown-request = No such test request addressed to your laboratory.
err-request-not-accepted = Results can be entered only for a request the laboratory has accepted.
err-clause-not-requested = The request does not ask for this clause.
err-duplicate-row = This clause of this request already has a row in what you sent.
err-clause-not-covered = Your laboratory’s accreditation in force today does not cover this clause.
err-date-in-future = The date is in the future.
err-unknown-instrument = Your laboratory has no instrument with this code.
err-instrument-overdue = The instrument was past its calibration due date on the day measured.
err-lab-result-id-reused = This result id is already used for another clause of the report.
err-too-many-results = At most 20,000 results a call: split the file or list into several calls of 20,000 rows or fewer (each call is written whole or not at all, and a row sent twice is written once).
err-unknown-result-column = Unknown column (shown): the columns are request_id, clause, value, unit, uncertainty, coverage, category, method, instrument, measured_on and lab_result_id.
err-one-clause = Give one clause per result.
err-value-and-category = Give either a measured value or a category, not both.
err-four-eyes = A second person must release the report: not the one who prepared it or entered its results.
err-results-missing = Every clause asked needs a result before the report is released.
