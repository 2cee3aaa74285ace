## Saving a document or a translation that someone else saved meanwhile (conflict.html,
## doc_form.html, translate.html)
conflict-alert = Un’altra persona ha salvato delle modifiche mentre lavoravi. Nulla di quanto hai scritto è andato perso, ma non è ancora stato salvato nulla: controlla le modifiche qui sotto e salva di nuovo.
conflict-heading = Modifiche fatte mentre lavoravi
conflict-intro-document = Le sue modifiche ai campi che non hai toccato sono già nel modulo qui sotto. Dove avete modificato entrambi lo stesso campo, scegli quale versione tenere.
conflict-intro-translation = Le sue modifiche alle parti di questa traduzione che non hai toccato sono già nel modulo qui sotto. Dove avete modificato entrambi lo stesso campo, scegli quale versione tenere.
conflict-both = Modificato da entrambi: scegli quale versione tenere.
conflict-kept = Modificato solo da un’altra persona: la sua versione viene mantenuta.
conflict-theirs = Salvato da un’altra persona
conflict-yours = La tua versione
conflict-choose = Cosa tenere per «{ $field }»
conflict-keep-yours = La mia versione (quella del modulo)
conflict-keep-theirs = La sua versione
conflict-empty = (vuoto)
conflict-practice-hidden = Una buona pratica che non puoi consultare
notice-saved-merged = Le tue modifiche sono state salvate; quelle fatte nel frattempo da un’altra persona sono state mantenute.
notice-translation-saved-merged = La traduzione è stata salvata; le modifiche fatte nel frattempo da un’altra persona sono state mantenute.
## Rows of action items (meeting notes) and of actions (action plans) (doc_form.html)
field-remove-item = Elimina questa voce
field-remove-action = Elimina quest’azione
