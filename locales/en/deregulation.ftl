# The deregulation register (seeds 002, 003).
dereg-register = Deregulation register
dereg-board = Deregulation board
field-rule-title = Rule
field-source = Legal source (law, regulation or circular, and article)
field-issuing-agency = Issuing agency
field-annual-cost = Annual cost
field-hours-lost = Hours lost a year
field-decision-text = Wording of the decision
regulation-status-reported = Reported
regulation-status-under-review = Under review
regulation-status-decided = Decided
regulation-status-published = Published
regulation-decision-remove = Remove
regulation-decision-amend = Amend
regulation-decision-keep = Keep
err-regulation-state-conflict = This cannot be done at the report's current stage.
nav-regulations = Deregulation
regulation-new = Report a redundant or costly rule
field-regulation-reason = Why it is redundant or costly
regulation-review = Put under review
regulation-decide = Record the decision
regulation-publish = Publish the decision
dereg-public-intro = Rules reported as redundant or costly, and what the deregulation board decided.
waiting-regulations-to-review = { $count ->
    [one] { $count } reported rule waits for the board's review.
   *[other] { $count } reported rules wait for the board's review.
}
waiting-regulations-to-decide = { $count ->
    [one] { $count } rule under review waits for the board's decision.
   *[other] { $count } rules under review wait for the board's decision.
}
waiting-regulations-to-publish = { $count ->
    [one] { $count } decision of the board waits to be published.
   *[other] { $count } decisions of the board wait to be published.
}
field-reported-on = Reported on
field-decided-on = Decided on
field-published-on = Published on
