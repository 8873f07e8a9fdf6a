category-bank-financing = Bank financing
category-tax = Tax
category-social-security = Social security
category-power = Electricity
category-gas = Gas
category-water = Water
category-land = Land
category-permits = Permits
category-customs-trade = Customs and trade
category-raw-materials = Raw materials
category-labour = Labour
category-other = Other
fac-received = Received
fac-solved = Solved
fac-median-days = Median days to resolution
fac-assigned = Resolutions assigned
fac-done = Done
fac-overdue = Overdue
fac-csv-kind = Row
fac-csv-name = Name
fac-csv-total = Total
fac-csv-category = Category
fac-csv-agency = Agency
err-unit-out-of-scope = This unit is not registered in your province.
err-invalid-case = Not a case of this province that can still be acted on.
err-case-not-on-agenda = The case is not on this meeting's agenda.
err-invalid-working-days = Give a number of working days from 1 to 365.
err-evidence-required = Say what proves the action is complete.
err-case-state-conflict = This cannot be done at the current stage of the case.
nav-cases = Obstacles
nav-resolutions = Resolutions
nav-meetings = Working groups
cases-title = Production obstacles
cases-none = No case.
case-new = Report an obstacle
case-new-intro = Tell the provincial working group what is holding production back: bank financing, tax, social security, power, gas, water, land, permits, customs, raw materials or labour. You get a case number and can follow every step here.
case-send = Send
case-timeline = What has happened
case-triage = Technical committee
case-add-info = Information the committee asked for
case-confirm-intro = The responsible agencies report that they have acted. Confirm if the obstacle is removed.
case-confirm = The obstacle is removed
case-put-on-agenda = Put on the agenda of
case-put-on-agenda-button = Add to agenda
case-route = Send to the responsible agency
case-route-button = Send to the agency
case-request-info = Ask the reporter for information
case-escalate = Raise to the national level
case-close = Close the case
case-closed-solved = The obstacle is solved
case-merge-into = Duplicate of case (id)
case-merge = Merge
field-case = Case
field-case-number = Case number
field-case-title = Subject
field-category = Category
field-description = Description
field-amount-at-stake = Amount at stake
field-jobs-at-risk = Jobs at risk
field-close-reason = Reason for closing
field-agency = Agency
field-action = Action required
field-working-days = Deadline in working days
field-deadline = Deadline
field-proof = How completion is proven
field-evidence = Evidence
field-progress-note = Progress
field-minutes = Minutes
field-members = Members
field-body-kind = Kind of body
field-body-name = Name
resolutions-title = Resolutions
resolution-new = New resolution
resolution-create = Record resolution
resolution-report = Report progress
resolution-report-button = Send report
resolution-done-check = The action is complete
overdue-badge = overdue
meetings-title = Working groups and meetings
meetings-list = Meetings
meeting-schedule = Schedule a meeting
meeting-schedule-button = Schedule
meeting-record = Record the meeting
meeting-record-button = Record attendance and minutes
body-new = New body
body-create = Create
seat-private = private-sector seat
agenda-title = Agenda
agenda-propose = Propose an item
agenda-propose-button = Propose
present = Present
absent = Absent
planned = planned
held = held
fac-public-title = Removing production obstacles
fac-public-intro = Figures of the provincial working group, without personal or commercial data.
fac-open = Open
fac-solved-in-province = Solved in the province
fac-solved-after-escalation = Solved after national escalation
fac-by-category = By category
fac-by-agency = Resolutions by agency
case-status-reported = Reported
case-status-needs-info = Information requested
case-status-routed = Sent to an agency
case-status-on-agenda = On a working-group agenda
case-status-escalated = Raised nationally
case-status-resolving = Being resolved
case-status-resolved = Resolved, awaiting confirmation
case-status-closed = Closed
case-status-merged = Merged into another case
resolution-status-open = Open
resolution-status-in-progress = In progress
resolution-status-done = Done
resolution-status-cancelled = Cancelled
body-kind-working-group = Working group
body-kind-technical-committee = Technical committee
body-kind-council = Council
body-kind-headquarters = Headquarters
body-kind-deregulation-board = Deregulation board
case-event-reported = Reported
case-event-info-requested = Information requested
case-event-info-added = Information added
case-event-routed = Sent to the responsible agency
case-event-put-on-agenda = Put on a meeting's agenda
case-event-escalated = Raised to the national level
case-event-merged = Merged into another case
case-event-duplicate-merged = A duplicate was merged into this case
case-event-closed = Closed
case-event-resolution-assigned = Resolution assigned to an agency
case-event-progress = Agency reported progress
case-event-resolution-done = Agency completed its action
case-event-resolved = All resolutions done
case-event-confirmed = Confirmed solved by the reporter
overdue-title = Resolutions past their deadline
attachments-title = Attached files
attachment-add = Attach a file
attachment-upload = Upload
case-event-attachment-added = File attached
case-event-resolution-cancelled = Resolution withdrawn by the secretariat
case-event-back-to-committee = Back with the technical committee
resolution-cancel = Withdraw this resolution (reason)
field-units = Units concerned
case-units-hint = For a report made on behalf of units: the national ID (legal-entity ID or enterprise code) of each registered unit of the province it concerns, one a line.
case-unit-error = { $id }: { $error }
err-too-many-units = Name at most 200 units in one case.
case-event-resolution-overdue = A resolution passed its deadline; the agency and the secretariat were told
deadline-provisional = (provisional: this year’s official holiday calendar is not yet in Tashil)
case-dispute = Or, if the obstacle remains, say what is still wrong: the case goes back to the technical committee.
case-dispute-send = The obstacle remains
case-event-reporter-disputed = The reporter says the obstacle remains
meeting-send-agenda = Send the agenda to the members
meeting-agenda-not-sent = The members have not been sent the agenda yet.
meeting-agenda-sent-at = Agenda last sent to the members on { $date }.
err-agenda-empty = Put at least one item on the agenda first.
err-invalid-member = Only an agency of the body’s province (any agency, for a national body) can sit on it.
body-members = Members of the bodies
member-add = Seat an agency
member-add-button = Seat it
member-remove = Take off
member-remove-named = Take off: { $name }
waiting-case-needs-info = { $count ->
    [one] { $count } of your cases needs information from you.
   *[other] { $count } of your cases need information from you.
}
waiting-case-to-confirm = { $count ->
    [one] { $count } of your cases is resolved: confirm the obstacle is removed.
   *[other] { $count } of your cases are resolved: confirm the obstacles are removed.
}
waiting-cases-open = { $count ->
    [one] { $count } of your cases is being handled.
   *[other] { $count } of your cases are being handled.
}
waiting-resolutions-overdue = { $count ->
    [one] { $count } resolution is past its deadline of { $date }.
   *[other] { $count } resolutions are past their deadline, the earliest since { $date }.
}
waiting-resolutions-due-soon = { $count ->
    [one] { $count } resolution is due by { $date }.
   *[other] { $count } resolutions are due soon, the first by { $date }.
}
waiting-resolutions-open = { $count ->
    [one] { $count } open resolution, due by { $date }.
   *[other] { $count } open resolutions, the next due by { $date }.
}
waiting-triage-queue = { $count ->
    [one] { $count } case waits for the technical committee's triage.
   *[other] { $count } cases wait for the technical committee's triage.
}
waiting-national-queue = { $count ->
    [one] { $count } case raised to the national level waits for a decision.
   *[other] { $count } cases raised to the national level wait for a decision.
}
waiting-province-overdue = { $count ->
    [one] { $count } resolution of the province is past its deadline of { $date }.
   *[other] { $count } resolutions of the province are past their deadline, the earliest since { $date }.
}
waiting-national-overdue = { $count ->
    [one] { $count } national resolution is past its deadline of { $date }.
   *[other] { $count } national resolutions are past their deadline, the earliest since { $date }.
}
waiting-next-meeting = Next meeting: { $date }.
waiting-meetings-to-record = { $count ->
    [one] The meeting of { $date } has no minutes recorded yet.
   *[other] { $count } meetings since { $date } have no minutes recorded yet.
}
