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
