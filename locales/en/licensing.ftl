## Licences and permits

err-application-changed = The application moved on since you opened it. Reload it and act on its current step.
err-application-final = The application is closed: no further move is possible.
err-not-your-turn = This move is not yours to make at this stage.
err-not-consent-step = This step does not pass by silence.
err-appeal-used = The one appeal has been used.
err-invalid-code = Use lowercase letters, digits and hyphens only.
err-step-count = A permit type has 1 to 20 steps.
err-issue-last = The issue step comes last, and only there.
err-unknown-step = No step of the permit type has this code.
err-issue-kept = The issue step cannot be skipped.
err-condition-required = Cite at least one numbered condition of the permit type.
err-unknown-condition = The permit type has no condition with this number.
err-product-count = Name 1 to 50 products.
err-no-mandatory-standard = No mandatory standard in force covers this HS code.
err-no-unit = Your organisation has no registered production unit.
err-unknown-permit-type = No permit type with this code is open to your unit.
err-code-mismatch = The code in the address and in the body differ.
err-entry-count = The file holds 1 to 200 permit types.
err-country-fixed = A permit type's country cannot change.
err-no-steps = The permit type leaves no step to run.

## Licences after issue (suspend, revoke, lift, expire; the public register)
err-licence-changed = The licence changed since you opened it. Reload it and decide again.
err-licence-final = The licence is revoked or expired: nothing more can change it.
err-licence-not-suspended = Only a suspended licence can be lifted.
err-licence-suspended = The licence is already suspended.
err-licence-past-validity = The licence's validity has ended: it cannot be reinstated.
field-reason = Reason
field-legal-basis = Legal basis (law or regulation, and article)
err-licence-not-renewable = Only an active licence can be renewed; apply anew for this one.
err-no-renewal-type = No permit type renews this licence's type yet.

## Licensing pages: public tracking
lic-track-title = Track an application
lic-track-intro = Enter the tracking code you were given when you applied.
lic-track-another = Track another application
lic-field-tracking-code = Tracking code
lic-field-province = Province
lic-field-status = Status
lic-field-submitted = Submitted
lic-field-decided = Decided
lic-by-silence = passed by silence (no decision in time)
lic-steps = Steps
lic-due = due
lic-status-in_progress = In progress
lic-status-issued = Issued
lic-status-rejected = Rejected
lic-status-appealed = Appealed
lic-status-withdrawn = Withdrawn
lic-outcome-passed = passed
lic-outcome-consent = passed by silence
lic-outcome-skipped = skipped (fast track)
lic-outcome-rejected = rejected
lic-outcome-withdrawn = withdrawn

## Lead-time figures
lic-lead-title = Permit lead times
lic-lead-intro = How long permits take, month by month: applications received and decided, the median and 90th-percentile working days from application to decision, the share answered on time at every step, and the share issued by silence.
lic-field-permit-type = Permit type
lic-field-country = Country
lic-field-year = Year
lic-lead-all-types = All permit types
lic-lead-whole-country = Whole country
lic-lead-show = Show
lic-lead-received = Received
lic-lead-issued = Issued
lic-lead-rejected = Rejected
lic-lead-median = Median working days
lic-lead-p90 = 90th percentile (working days)
lic-lead-on-time = Answered on time
lic-lead-silence = Decided by silence
lic-lead-chart = Median working days by month
lic-lead-by-month = By month
lic-lead-csv = Download these figures (CSV)
lic-lead-month = Month
lic-lead-total = The year
lic-percent = { $value }%

## The public register page and navigation
nav-licences = Licence register
nav-lead-times = Permit lead times
nav-track = Track an application
lic-register-title = Register of licences
lic-register-intro = Every standard-mark licence and permit issued, with its holder, products and brands, validity and status. Search in any script or spelling.
lic-register-q = Holder, national ID, licence number, product or brand
lic-register-any-status = Any status
lic-register-found = { $count ->
    [one] One licence found.
   *[other] { $count } licences found.
}
lic-register-found-more = More than { $count } licences found; narrow the search.
lic-register-number = Licence number
lic-register-holder = Holder
lic-register-products = Products and brands (standard)
lic-register-valid-until = Valid until
lic-register-next = Next page
lic-licence-status-active = Active
lic-licence-status-suspended = Suspended
lic-licence-status-revoked = Revoked
lic-licence-status-expired = Expired

## Application pages
nav-applications = Applications
lic-applications-title = Permit applications
lic-applications-none = No application here yet.
lic-apply-title = Apply for a licence
lic-apply-intro = Name each product with its brand and HS code; the mandatory standard that covers it is found from the catalogue.
lic-previous = Previous page
lic-field-product = Product
lic-field-brand = Brand
lic-field-hs = HS code
lic-field-message = Message to the office (optional)
lic-apply-submit = Submit the application
lic-fast-tracked = Fast track: rule «{ $rule }» applied, so some steps are passed over.
lic-rejection = Rejection
lic-field-note = Note (optional)
lic-move-pass = Pass this step
lic-field-conditions = Conditions not met (at least one)
lic-field-explanation = Explanation
lic-move-reject = Reject
lic-move-withdraw = Withdraw the application
lic-move-reopen = Reopen (appeal upheld)
lic-move-uphold = Uphold the rejection
lic-field-appeal = Why the rejection should be reviewed
lic-move-appeal = Appeal to the national body
lic-messages = Messages
lic-from-applicant = from the applicant
lic-from-office = from the office
lic-decided-nationally = decided by the national body
lic-decided-by-province = decided by the office of { $province }

# Documents and messages on an application
lic-documents = Documents
lic-document-required = required
lic-document-missing = not uploaded yet
lic-document-which = Which document
lic-document-file = File
lic-document-from = From
lic-document-at = Uploaded
lic-document-other = Another document
lic-document-upload = Upload the document
lic-message-new = New message
lic-message-send = Send the message
err-unknown-document = The permit type has no such document: choose one of the list, or "Another document".
err-reserved-code = This code stands for "another document": choose a different one.
## Permit types: the national administrator's pages
nav-permit-types = Permit types
lic-types-title = Permit types
lic-types-intro = Each permit type is versioned data: a change makes a new version, and an application keeps the version it started under.
lic-types-imported = { $count ->
    [one] The file's permit type was read; if it changed, it is now at a new version.
   *[other] The file's { $count } permit types were read; each one that changed is now at a new version.
}
lic-types-import-failed = Nothing was imported. Each problem is named by its place in the file:
lic-type-code = Code
lic-type-name = Name
lic-type-version = Version
lic-types-export = Export
lic-types-export-all = Export every permit type (JSON)
lic-types-import = Import permit types
lic-types-file = JSON file of permit types
lic-types-import-hint = A list of permit types as the export writes them. All or nothing: one error and none is changed.
lic-types-import-submit = Import
lic-type-validity = Licence valid for
lic-months = { $months } months
lic-type-past-version = This is a past version.
lic-type-see-current = See the current one.
lic-type-export = Export as JSON
lic-type-edit = Edit (new version)
lic-type-delegations = Delegation to provinces
lic-type-step = Step
lic-type-actor = Who acts
lic-type-deadline = Deadline (working days)
lic-type-consent = Silence is consent
lic-type-documents = Documents
lic-type-required = required
lic-type-conditions = Numbered conditions
lic-type-fees = Fees
lic-type-fast-track = Fast track
lic-type-when-all = When all of these hold:
lic-type-history = Versions
lic-type-version-n = Version { $version }
lic-actor-officer = Licensing officer
lic-actor-inspector = Inspector
lic-fact-no-failure-months = No failed test, suspension or revocation in { $months } months
lic-fact-iso9001 = A valid ISO 9001 certificate
lic-fact-exemplary = Recognised as an exemplary unit
lic-fact-low-risk = Low risk class
lic-effect-skip = Passes over: { $steps }
lic-effect-shorten = { $step }: deadline cut to { $days } working days
lic-edit-intro = Saving makes the version after version { $version }; open applications keep the version they started under.
lic-edit-steps = Deadlines and silence, step by step
lic-edit-save = Save as a new version
lic-edit-json = The whole definition (JSON)
lic-edit-json-label = Definition
lic-edit-json-hint = The same JSON the export writes for one permit type and the API takes. An error names its place (definition.steps[2].deadline_days).
lic-edit-refused = Not saved:
lic-deleg-intro = Who decides each step of version { $version } in each province: the national body, or the province's office. Each change is audited.
lic-deleg-saved = { $count ->
    [one] One delegation changed.
   *[other] { $count } delegations changed.
}
lic-deleg-table = Provinces and steps
lic-deleg-filter = Show
lic-deleg-all-provinces = Every province
lic-deleg-unknown-province = "{ $province }" is not a province of this permit type's country: every province is shown.
lic-deleg-national = National body
lic-deleg-province = Province's office
lic-deleg-save = Save the delegations
lic-type-new = New permit type
lic-type-new-intro = A new permit type starts at version 1. Its code and country cannot be changed afterwards; everything else can, as a new version.
lic-type-code-hint = Lowercase letters, digits and hyphens (operating-licence).
lic-type-name-fa = Name in Persian
lic-type-name-vi = Name in Vietnamese
lic-type-name-en = Name in English
lic-type-new-definition-hint = The first version's steps, conditions, documents, fees and validity, as the export writes a definition. It starts from a simple definition to adapt; an error names its place (definition.steps[2].deadline_days).
lic-type-new-submit = Create the permit type
lic-start-step-documents = Documents check
lic-start-step-decision = Decision
lic-start-step-issue = Issue
lic-start-condition = The documents are complete and valid.
lic-start-document = Application form
err-permit-type-exists = A permit type with this code already exists.
err-permit-code-reserved = This code is reserved: choose another.
err-definition-unreadable = Not readable as a permit type at this place (line:column)

## A test step waiting on a lab's report (conformity).
err-lab-report-missing = This step passes only on a laboratory's released test report for this application: none is released yet.
err-lab-report-failed = The laboratory's released report fails clauses of the standard: the step cannot pass.
err-lab-report-inconclusive = The laboratory's released report is inconclusive on clauses of the standard: the step cannot pass.
err-lab-report-step = Only a sampling-and-test step without silence as consent can wait for a laboratory's report.
field-needs-lab-report = Waits for a laboratory's report
application-lab-tests = Laboratory test reports
lab-test-request = Test request
lab-test-revision = Revision
lab-test-verdict = Verdict
lab-test-failed = Clauses failed
lab-test-inconclusive = Clauses inconclusive
