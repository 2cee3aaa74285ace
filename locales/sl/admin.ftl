## Upravljanje računov (admin_users.html, admin_user_new.html, admin_user.html, admin_user_password.html)
nav-admin-users = Računi
admin-users-title = Računi
admin-users-none = Ni računov za prikaz.
admin-users-count = { $count ->
    [one] { $count } račun
    [two] { $count } računa
    [few] { $count } računi
   *[other] { $count } računov
}
admin-all-partners = Vsi partnerji
admin-filter = Prikaži
admin-field-email = E-poštni naslov
admin-field-display_name = Ime
admin-field-partner = Partner
admin-field-role = Vloga
admin-field-language = Jezik
admin-field-time_zone = Časovni pas
admin-field-state = Dostop
admin-state-active = Aktiven
admin-state-deactivated = Onemogočen
admin-must-change-password = ob naslednji prijavi mora izbrati novo geslo
admin-created-at = Ustvarjen
admin-new-title = Nov račun
admin-new-intro = Platforma novemu računu dodeli enkratno geslo, ki je prikazano samo enkrat na naslednji strani. Osebi ga izročite sami; ob prvi prijavi si bo izbrala svoje geslo.
admin-language-of-partner = Jezik partnerja
admin-time-zone-hint = Datumi in ure se osebi prikazujejo v tem časovnem pasu; privzeto v partnerjevem.
admin-zone-of-partner = Časovni pas partnerja
admin-create-button = Ustvari račun
admin-form-has-errors = Nekatera polja je treba popraviti; označena so spodaj.
admin-role-refused = Te vloge ne smete dodeliti.
admin-created-title = Račun je ustvarjen
admin-created-text = Račun za { $name } je ustvarjen.
admin-password-title = Novo enkratno geslo
admin-password-text = { $name } ima novo enkratno geslo; prejšnje geslo ne deluje več in vse seje računa so končane.
admin-one-time-password = Enkratno geslo
admin-one-time-password-once = To geslo je prikazano samo zdaj. Zapišite si ga ali ga takoj izročite osebi: znova ga ni mogoče prikazati.
admin-one-time-password-change = Ob prvi prijavi s tem geslom si mora oseba izbrati svoje geslo.
admin-go-to-account = Na račun osebe { $name }
admin-back-to-list = Nazaj na račune
admin-user-title = Račun
admin-change-heading = Spremeni račun
admin-save-button = Shrani spremembe
admin-change-refused = Te spremembe ne smete narediti. Nič ni bilo shranjeno; vaše izbire so ohranjene spodaj.
admin-stale = Nekdo drug je spremenil ta račun, medtem ko ste ga gledali. Nič ni bilo shranjeno: račun, kakršen je zdaj, je prikazan zgoraj, vaše izbire pa so ohranjene v obrazcu. Preverite jih in znova shranite.
admin-access-heading = Dostop
admin-deactivate-hint = Z onemogočenim računom se ni mogoče prijaviti; njegove seje se takoj končajo. Pozneje ga je mogoče znova omogočiti.
admin-deactivate-button = Onemogoči račun
admin-reactivate-hint = Račun je onemogočen. Če ga znova omogočite, se oseba lahko spet prijavi s svojim geslom.
admin-reactivate-button = Znova omogoči račun
admin-reset-hint = Če je oseba izgubila geslo, ji dodelite novo enkratno geslo. Njeno trenutno geslo in seje prenehajo delovati.
admin-reset-button = Dodeli novo enkratno geslo
admin-activity-heading = Nedavna dejavnost
admin-activity-none = Zaenkrat ni nič zabeleženo.
admin-event-platform = Platforma
admin-event-created = je ustvaril(-a) račun z vlogo { $role } pri partnerju { $partner }
admin-event-changed = je spremenil(-a) račun
admin-event-change = { $field }: { $from } → { $to }
admin-event-deactivated = je onemogočil(-a) račun
admin-event-reactivated = je znova omogočil(-a) račun
admin-event-password-reset = je dodelil(-a) novo enkratno geslo
admin-event-other = je spremenil(-a) račun
notice-admin-saved = Račun je shranjen.
notice-admin-deactivated = Račun je onemogočen in njegove seje so končane.
notice-admin-reactivated = Račun je znova aktiven.
