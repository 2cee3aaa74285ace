## Saving a document or a translation that someone else saved meanwhile (conflict.html,
## doc_form.html, translate.html)
conflict-alert = Någon annan sparade ändringar medan du redigerade. Inget du skrev har gått förlorat, men inget har sparats än: titta på ändringarna nedan och spara sedan igen.
conflict-heading = Ändringar som gjordes medan du redigerade
conflict-intro-document = Deras ändringar i fält som du inte rörde finns redan i formuläret nedan. Där ni båda ändrade samma fält väljer du vilken version som ska behållas.
conflict-intro-translation = Deras ändringar i delar av översättningen som du inte rörde finns redan i formuläret nedan. Där ni båda ändrade samma fält väljer du vilken version som ska behållas.
conflict-both = Ändrat av er båda: välj vilken version som ska behållas.
conflict-kept = Ändrat bara av någon annan: deras version behålls.
conflict-theirs = Sparat av någon annan
conflict-yours = Din version
conflict-choose = Vad ska behållas för ”{ $field }”
conflict-keep-yours = Min version (den i formuläret)
conflict-keep-theirs = Deras version
conflict-empty = (tomt)
conflict-practice-hidden = En god praxis som du inte får se
notice-saved-merged = Dina ändringar har sparats. Ändringar som någon annan gjorde under tiden har behållits.
notice-translation-saved-merged = Översättningen har sparats. Ändringar som någon annan gjorde under tiden har behållits.
## Rows of action items (meeting notes) and of actions (action plans) (doc_form.html)
field-remove-item = Ta bort punkten
field-remove-action = Ta bort åtgärden
