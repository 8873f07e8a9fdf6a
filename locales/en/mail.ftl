# Email notifications. Subjects are one line; bodies are plain text. The link to the page
# and the footer are added after the body.
mail-open = Open it in Tashil:
mail-footer = Tashil, the production facilitation desk. You receive this because of your role in the case or resolution above.

mail-resolution-assigned-subject = New resolution for your agency { $number }
mail-resolution-assigned-body =
    A resolution binds your agency to act.

    Case: { $number }
    Action: { $action }
    Deadline: { $deadline }
    How completion is proven: { $proof }

    Report progress and close it with its evidence on your resolutions page.

mail-resolution-overdue-subject = Resolution past its deadline { $number }
mail-resolution-overdue-body =
    A resolution has passed its deadline without being completed. It will be listed at the next meeting.

    Case: { $number }
    Action: { $action }
    Deadline: { $deadline }

mail-case-info-requested-subject = More information needed on case { $number }
mail-case-info-requested-body =
    The technical committee asks for more information on case { $number } ({ $title }):

    { $note }

    Answer on the case page; the case goes back to the committee when you do.

mail-case-resolved-subject = Case { $number }: please confirm it is solved
mail-case-resolved-body =
    Every resolution on case { $number } ({ $title }) has been completed by the agencies responsible.

    If the obstacle is removed, confirm it on the case page so the case closes as solved.

mail-case-closed-subject = Case { $number } closed
mail-case-closed-body =
    The technical committee closed case { $number } ({ $title }).

    Reason: { $reason }

mail-test-subject = Tashil test message
mail-test-body = If you are reading this, this Tashil installation can send email.

mail-case-disputed-subject = Case { $number }: the obstacle remains
mail-case-disputed-body =
    The reporter of case { $number } ({ $title }) says the obstacle remains although every resolution was reported done:

    { $note }

    The case is back in the technical committee's queue.

mail-meeting-agenda-subject = { $body }: meeting on { $held_on }
mail-meeting-agenda-body =
    { $body } meets on { $held_on }. The agenda:

    { $items }

mail-licence-renewal-due-subject = Licence { $number } expires in { $days } days
mail-licence-renewal-due-body =
    Your { $permit } number { $number } is valid until { $deadline }, { $days } days from today.

    Apply to renew it before then: the renewal application is prefilled with the licence's products and brands.

mail-application-message-subject = New message on application { $code }
mail-application-message-body =
    A new message was written on the { $permit } application with tracking code { $code }.
mail-wallet-offer-subject = Your code to add licence { $number } to your wallet
mail-wallet-offer-body =
    You asked to add licence { $number } to your digital wallet. When your wallet asks for the transaction code, enter:

    { $code }

    The code works once, within { $minutes } minutes. If you did not ask for this, ignore this message: nothing is issued without the code.

mail-instrument-calibration-due-subject = Instrument { $code } is due for calibration on { $deadline }
mail-instrument-calibration-due-body =
    The calibration of instrument { $code } ({ $name }) is due on { $deadline }.

    Have it calibrated and record the new certificate before then: results measured on it after that day are refused.

mail-instrument-overdue-subject = Instrument { $code } is past its calibration due date
mail-instrument-overdue-body =
    The calibration of instrument { $code } ({ $name }) was due on { $deadline }.

    Results measured on it are refused until a new calibration certificate is recorded.

mail-test-report-released-subject = Test report for request { $request } released: { $verdict ->
        [pass] pass
        [fail] fail
       *[other] inconclusive
    }
mail-test-report-released-body =
    The laboratory released revision { $revision } of the test report for your request { $request } ({ $designation }).

    Verdict: { $verdict ->
        [pass] every clause tested passes.
        [fail] at least one clause fails.
       *[other] inconclusive: the uncertainty straddles a limit on at least one clause.
    }

mail-quality-advice-subject = Quality advice on { $characteristic }: { $trigger }
mail-quality-advice-body =
    The control chart of { $characteristic } ({ $name }) shows: { $trigger }.
    Subgroups: { $points }.

    Suggested check: { $check }

    Please record the cause and the action by { $deadline }. Unanswered, the advice goes to the provincial office's quality queue.

mail-quality-advice-escalated-subject = Quality advice escalated: { $unit }, { $characteristic }
mail-quality-advice-escalated-body =
    An advice to { $unit } on { $characteristic } ({ $name }) has reached the province's quality queue: { $reason }.
    What was found: { $trigger }.
mail-complaint-update-subject = Your complaint about { $product }: { $state }
mail-complaint-update-body =
    The office handling your complaint about { $product } updated it. It is now: { $state }.

    { $reply }
