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
sample-amendments = Amendments of the condition and storage
sample-amendments-note = The values recorded at receipt and every later change are kept: each row shows the value before and after.
field-amended-at = Amended on
field-amended-by = Amended by
sample-amend = Amend the condition and storage
sample-amend-hint = Correct what was recorded on receipt while the report is not released; the value it replaces stays visible in the history.
sample-amended-to = →
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

## A request's test report on its page.
report-title = Test report
report-none = No results have been entered yet.
report-revision = Revision
report-status-draft = Draft, not released
report-status-released = Released
report-verdict = Verdict
report-verdict-provisional = provisional until the report is released
report-failing = Clauses that fail
report-inconclusive = Clauses that are inconclusive
report-released-on = Released on
report-released-by = Released by
report-supersedes = Corrects revision
report-reason = Reason for the correction
report-results = Results by clause
report-history = Earlier revisions
result-reported = Result as reported
result-judged = Result in the clause's unit
result-instrument = Instrument code
result-measured-on = Measured on
result-verdict = Verdict
result-value = Value, or value found
result-uncertainty = Expanded uncertainty U
result-coverage = Coverage factor k
result-category = Value found
result-category-none = Not measured yet
result-date-placeholder = 2026-12-07
results-enter = Enter results
results-hint = One row per clause asked; leave a row empty to fill it in later. The unit is the clause's unit unless you change it; k is 2 when left empty; the day measured is today when left empty.
results-save = Save results
report-release = Release the report
report-release-hint = A second person at the laboratory releases the report: not the one who prepared it or entered any of its results. Once released it cannot be changed.
report-revise = Correct by a new revision
report-revise-hint = A released report is never changed: a new revision copies its results to be corrected and released again, and says why.

## Instruments and their calibration.
nav-instruments = Instruments
instruments-title = Instruments and calibration
instrument-new = Register an instrument
instrument-create = Register
instrument-calibrations = Calibration certificates
instrument-calibration-add = Record a calibration
field-instrument-code = Instrument code
field-serial-number = Serial number
field-calibration-due = Calibration due
field-calibrated-by = Calibrated by
field-calibrated-on = Calibrated on
field-due-on = Next calibration due
instrument-due-uncalibrated = Not calibrated
instrument-due-overdue = Overdue
instrument-due-due-soon = Due soon
instrument-due-in-calibration = In calibration
waiting-instruments-overdue = { $count ->
    [one] { $count } instrument is past its calibration due date: its results are refused.
   *[other] { $count } instruments are past their calibration due date: their results are refused.
}
waiting-instruments-due = { $count ->
    [one] { $count } instrument is due for calibration within 30 days.
   *[other] { $count } instruments are due for calibration within 30 days.
}
err-duplicate-instrument = Your laboratory already has an instrument with this code.
err-due-before-calibration = The due date cannot be before the day of calibration.
err-application-not-yours = No application of your unit has this number.
err-sample-report-released = This request's test report is released: the sample's condition and storage stand as reported and can no longer be amended.
err-sample-unchanged = Nothing to amend: the condition and storage are already as typed.

## Figures (/labs/figures)
labs-fig-link = Figures: turnaround per lab and failure rates by clause
labs-fig-title = Conformity assessment figures
labs-fig-intro = How long each laboratory takes to report, and how often products fail each clause, per product category and province.
labs-fig-back = Back to the directory of laboratories
labs-fig-show = Show
labs-fig-all-labs = All laboratories
labs-fig-period = Reports first released from { $from } to { $to }.
labs-fig-public = Public figures: no unit is named, and a cell with results from fewer than three organisations is left out.
labs-fig-withheld = Left out: { $cells } cells ({ $results } results).
labs-fig-full = Full table: the units whose results failed are named and linked to their requests.
labs-fig-own-province = The full table of { $province }
labs-fig-turnaround = Turnaround per laboratory
labs-fig-turnaround-how = Working days of the laboratory's province from the day it accepted a request to the first release of its report; the median and 90th percentile by nearest rank; on time when within the laboratory's quote.
labs-fig-requests = Requests
labs-fig-median = Median (working days)
labs-fig-p90 = 90th percentile (working days)
labs-fig-on-time = On time
labs-fig-chart-turnaround = Median and 90th percentile turnaround per laboratory (working days)
labs-fig-bar-median = Median: { $lab }
labs-fig-bar-p90 = 90th percentile: { $lab }
labs-fig-clauses = Failure rates by clause
labs-fig-clauses-how = Results of the latest released revision of each report, per product category (the standard's ICS field) and the requester's province; the failure rate is failed results over all judged.
labs-fig-category = Product category
labs-fig-no-category = No category
labs-fig-judged = Judged
labs-fig-failed = Failed
labs-fig-inconclusive = Inconclusive
labs-fig-rate = Failure rate
labs-fig-failed-units = Units that failed
labs-fig-chart-rates = Failure rate by clause (highest first)
field-from = From
field-to = To
field-page = Page
err-invalid-query = The query is not valid.
err-before-from = The end of the period comes before its start.
err-span-too-long = The period may span at most ten years.
accreditations-import-done = { $count ->
    [one] { $count } scope entry imported.
   *[other] { $count } scope entries imported.
}
