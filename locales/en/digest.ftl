## The email digest (crates/api/src/digest_mail.rs)
digest-subject = { -brand }: what is new since { $date }
digest-greeting = Hello { $name },
digest-intro = here is what is new on { -brand } since { $date }.
digest-section-practice = Good practices
digest-section-meeting_note = Meeting notes
digest-section-action_plan = Action plans
digest-section-translation = Translations of your partner's documents
digest-section-deliverable = Deliverables of your partner
digest-section-action_item = Action items of your partner
digest-overdue = Late
digest-due-soon = Due in the next 14 days
digest-change-new = new
digest-change-updated = updated
digest-change-translation = translated into { $language }
digest-change-outdated = changed since it was translated
digest-change-work = { $detail }
digest-changes = { $count ->
    [one] one change
   *[other] { $count } changes
}
digest-more = { $count ->
    [one] and one more
   *[other] and { $count } more
}
digest-in-language = in { $language }
digest-due-on = due { $date }
digest-open = Open { -brand }
digest-footer = You receive this digest because of your settings. Change them in your account, or stop these emails:
digest-unsubscribe = Unsubscribe

## Unsubscribing (unsubscribe.html)
unsubscribe-title = Stop the email digest
unsubscribe-question = Do you want to stop receiving the email digest at { $email }?
unsubscribe-button = Stop the digest
unsubscribe-done = You will not receive the email digest any more. You can turn it on again in your account.
unsubscribe-invalid = This link is not valid.

## The digest outbox (administrators)
nav-outbox = Email digests
outbox-title = Email digests sent and waiting
outbox-intro = Each account receives one digest per period. A digest that could not be sent is tried again after 1, 2, 4 and up to 60 minutes. One the mail server refuses for good is set aside after eight attempts; while the mail server cannot be reached, digests wait and are set aside only three days after the end of their period. Send a digest again here once the mail server works.
outbox-all = All
outbox-show = Show
outbox-none = No digest matches.
outbox-account = Account
outbox-period-end = Period ending
outbox-attempts = Attempts
outbox-next = Next attempt
outbox-error = Last error
outbox-actions = Actions
outbox-retry = Send again
outbox-status-pending = Waiting
outbox-status-sending = Being sent
outbox-status-sent = Sent
outbox-status-empty = Nothing to say
outbox-status-failed = Failed, will retry
outbox-status-parked = Set aside
# Why a digest waits or was set aside (outbox.html, from src/web/outbox.rs)
outbox-why-rejected = The mail server refused the message for good
outbox-why-unwritable = The message could not be written
outbox-why-refused = The mail server refused the connection
outbox-why-timed-out = The mail server did not answer in time
outbox-why-tls = The encrypted connection to the mail server could not be set up
outbox-why-deferred = The mail server asked to try again later
outbox-why-connection = The connection to the mail server failed
outbox-why-folder = The mail folder could not be written
notice-digest-queued = The digest will be sent again within a minute.
notice-digest-not-queued = Only a failed or set-aside digest can be sent again.
