## Povezave do obvestila o varstvu zasebnosti (noga v base.html, sign_in.html)
footer-privacy = Zasebnost
sign-in-privacy = Kako obdelujemo vaše osebne podatke

## Obvestilo o varstvu zasebnosti (privacy.html)
privacy-title = Obvestilo o varstvu zasebnosti
privacy-intro = To obvestilo pojasnjuje, kaj platforma hrani o osebah, ki jo uporabljajo, zakaj in kako dolgo ter kaj lahko zahtevate.
privacy-controller-heading = Kdo je odgovoren za vaše podatke
privacy-controller = Upravljavec vaših osebnih podatkov v imenu partnerstva projekta je:
privacy-contact = Za vsa vprašanja o vaših podatkih ali za uveljavljanje svojih pravic pišite na:
privacy-contact-lead = Za vsa vprašanja o vaših podatkih ali za uveljavljanje svojih pravic se obrnite na vodilnega partnerja, { $lead }, prek koordinatorja vaše organizacije v projektu.
privacy-kept-heading = Kaj se hrani o vas
privacy-kept-account = Vaš račun: e-poštni naslov, ime, partnerska organizacija, vloga, jezik, časovni pas in nastavitve povzetka.
privacy-kept-password = Vaše geslo, samo kot zgoščena vrednost Argon2id: nihče, tudi skrbniki ne, ga ne more razbrati.
privacy-kept-sessions = Vaše seje: kdaj ste se prijavili, do kdaj je posamezna seja veljavna in kdaj ste se odjavili.
privacy-kept-sign-in = Poskusi prijave: da bi otežili ugibanje gesel, se nedavni poskusi štejejo po vpisanem e-poštnem naslovu in po omrežnem naslovu (IP), s katerega prihajajo.
privacy-kept-activity = Vaša dejavnost: kaj ste storili z dokumenti in delovnim načrtom (ustvarjanje, urejanje, prevajanje, pregled, sprememba stanja) in spremembe računov, z datumom in uro. Z vašo dejavnostjo se ne hrani noben omrežni naslov.
privacy-kept-digests = Povzetki, poslani po e-pošti: kdaj je bil posamezni poslan oziroma zakaj ga ni bilo mogoče poslati.
privacy-kept-calendar = Vaš osebni naslov koledarja, če ste ga ustvarili: hrani se samo kot zgoščena vrednost.
privacy-kept-content = Dokumenti, prevodi in komentarji, ki jih napišete: so del skupnega dela partnerstva in nosijo vaše ime kot avtorja.
privacy-kept-cookies = Platforma uporablja samo piškotke, ki so potrebni, da ostanete prijavljeni, in za zaščito obrazcev. Ne uporablja orodij za sledenje za statistiko ali oglaševanje.
privacy-why-heading = Zakaj se hrani
privacy-why-work = Za izvajanje skupnega dela partnerstva: z računom se lahko prijavite, pišete, prevajate in pregledujete dokumente, spremljate delovni načrt in prejemate izbrane povzetke. To je del javne naloge, ki jo partnerji opravljajo v svojem projektu Interreg Europe.
privacy-why-records = Za hrambo projektne dokumentacije: pravila Interreg partnerje zavezujejo, da projektno dokumentacijo hranijo pet let po končnem plačilu projektu. Dokumenti, njihova zgodovina in dejavnost v zvezi z njimi so del te dokumentacije.
privacy-why-security = Za varnost računov: seje in poskusi prijave se hranijo le toliko časa, kolikor je potrebno za zaščito računov pred zlorabo.
privacy-retention-heading = Kako dolgo se hrani
privacy-retention-intro = Vaš račun in to, kar ste napisali, se hranijo, dokler račun obstaja, kot projektna dokumentacija pa toliko časa, kolikor zahtevajo pravila Interreg. Zapisi, ki niso več potrebni, se samodejno izbrišejo vsako uro po spodaj navedenih obdobjih.
privacy-retention-record = Zapis
privacy-retention-period = Izbriše se po
privacy-period-sessions = Končane seje (odjava ali potek), od njihovega konca
privacy-period-sign-in-attempts = Števci poskusov prijave z e-poštnimi in omrežnimi naslovi, pod katerimi se vodijo, od začetka štetja
privacy-period-digests = Zapisi o poslanih povzetkih, od pošiljanja ali predvidenega datuma
privacy-period-account-changes = Imena in e-poštni naslovi v zgodovini sprememb računov (ostane zapis, kaj se je spremenilo, kdo je to storil in kdaj)
privacy-period-calendar-tokens = Naslovi koledarja, ki ste jih preklicali, od preklica
privacy-hours = { $count ->
    [one] { $count } ura
    [two] { $count } uri
    [few] { $count } ure
   *[other] { $count } ur
}
privacy-days = { $count ->
    [one] { $count } dan
    [two] { $count } dneva
    [few] { $count } dnevi
   *[other] { $count } dni
}
privacy-years = { $count ->
    [one] { $count } leto
    [two] { $count } leti
    [few] { $count } leta
   *[other] { $count } let
}
privacy-rights-heading = Vaše pravice
privacy-right-access = Dostop in prenosljivost: prenesete lahko vse, kar platforma hrani o vas.
privacy-right-access-link = Prenesite svoje podatke
privacy-right-erasure = Izbris: na isti strani lahko zahtevate izbris svojega računa. Ko ga koordinator ali skrbnik potrdi, se izbrišejo vaš e-poštni naslov, ime, geslo, seje, povzetki in zapisi o prijavah; to, kar ste napisali, ostane del dela partnerstva, brez vašega imena.
privacy-right-rectification = Popravek: ime, jezik, časovni pas in nastavitve povzetka lahko popravite sami; e-poštni naslov, partnerja ali vlogo popravi koordinator vaše organizacije.
privacy-right-rectification-link = Vaš račun
privacy-right-objection = Ugovor in omejitev: uporabi svojih podatkov lahko ugovarjate ali zahtevate omejitev obdelave, in sicer prek zgoraj navedenega stika.
privacy-right-complaint = Pritožba: pri nadzornem organu za varstvo podatkov lahko vložite pritožbo, zlasti v državi, v kateri živite ali delate.
privacy-licence-heading = Javne vsebine
privacy-licence = Dokumente, ki jih partnerji objavijo za vse, je mogoče ponovno uporabiti pod to licenco:
privacy-licence-default = Creative Commons Priznanje avtorstva 4.0 Mednarodna (CC BY 4.0)
privacy-licence-internal = Dokumenti, deljeni samo znotraj partnerstva, niso zajeti s to licenco.

## Zgodovina računa (admin_user.html), ko so stare in nove vrednosti imena izbrisane
admin-event-change-cleared = { $field }: spremenjeno (vrednosti se ne hranijo več)
