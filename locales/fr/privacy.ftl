## Liens vers la politique de confidentialité (pied de page de base.html, sign_in.html)
footer-privacy = Confidentialité
sign-in-privacy = Comment vos données personnelles sont traitées

## Politique de confidentialité (privacy.html)
privacy-title = Politique de confidentialité
privacy-intro = Cette page explique ce que la plateforme conserve sur les personnes qui l’utilisent, pourquoi, pendant combien de temps, et ce que vous pouvez demander.
privacy-controller-heading = Qui est responsable de vos données
privacy-controller = Le responsable du traitement de vos données personnelles, pour le compte du partenariat du projet, est :
privacy-contact = Pour toute question sur vos données, ou pour exercer vos droits, écrivez à :
privacy-contact-lead = Pour toute question sur vos données, ou pour exercer vos droits, contactez le chef de file, { $lead }, par l’intermédiaire du coordinateur de votre organisation dans le projet.
privacy-kept-heading = Ce qui est conservé à votre sujet
privacy-kept-account = Votre compte : votre adresse électronique, votre nom, votre organisation partenaire, votre rôle, votre langue, votre fuseau horaire et vos préférences de résumé.
privacy-kept-password = Votre mot de passe, uniquement sous forme d’empreinte Argon2id : personne, pas même les administrateurs, ne peut le retrouver.
privacy-kept-sessions = Vos sessions : quand vous vous êtes connecté, jusqu’à quand chaque session est valable et quand vous vous êtes déconnecté.
privacy-kept-sign-in = Les tentatives de connexion : pour freiner les essais de mots de passe, les tentatives récentes sont comptées sous l’adresse électronique saisie et l’adresse réseau (IP) d’où elles viennent.
privacy-kept-activity = Votre activité : ce que vous avez fait sur les documents et le plan de travail (création, modification, traduction, relecture, changement de statut) et les modifications apportées aux comptes, avec la date et l’heure. Aucune adresse réseau n’est enregistrée avec votre activité.
privacy-kept-digests = Les résumés envoyés par courriel : quand chacun a été envoyé, ou pourquoi il n’a pas pu l’être.
privacy-kept-calendar = Votre adresse de calendrier privée, si vous en avez créé une : elle n’est conservée que sous forme d’empreinte.
privacy-kept-content = Les documents, traductions et commentaires que vous rédigez : ils appartiennent au travail commun du partenariat et portent votre nom comme auteur.
privacy-kept-cookies = La plateforme ne dépose que les cookies nécessaires pour garder votre session ouverte et protéger ses formulaires. Elle n’utilise aucun traceur de mesure d’audience ni de publicité.
privacy-why-heading = Pourquoi ces données sont conservées
privacy-why-work = Pour faire fonctionner le travail commun du partenariat : votre compte vous permet de vous connecter, de rédiger, traduire et relire des documents, de suivre le plan de travail et de recevoir les résumés que vous avez choisis. Cela relève de la mission de service public que les partenaires mènent dans leur projet Interreg Europe.
privacy-why-records = Pour conserver les archives du projet : les règles Interreg obligent les partenaires à conserver les pièces du projet pendant cinq ans après le paiement final au projet. Les documents, leur historique et l’activité qui les concerne en font partie.
privacy-why-security = Pour protéger les comptes : les sessions et les tentatives de connexion ne sont conservées que le temps nécessaire pour protéger les comptes contre les abus.
privacy-retention-heading = Durée de conservation
privacy-retention-intro = Votre compte et ce que vous avez rédigé sont conservés tant que le compte existe et, en tant qu’archives du projet, aussi longtemps que l’exigent les règles Interreg. Les données devenues inutiles sont supprimées automatiquement, toutes les heures, après les durées ci-dessous.
privacy-retention-record = Données
privacy-retention-period = Supprimées après
privacy-period-sessions = Sessions terminées (déconnexion ou expiration), à compter de leur fin
privacy-period-sign-in-attempts = Décomptes des tentatives de connexion, avec les adresses électroniques et réseau sous lesquelles ils sont tenus, à compter du début du décompte
privacy-period-digests = Traces des résumés qui vous ont été envoyés, à compter de leur envoi ou de leur échéance
privacy-period-account-changes = Noms et adresses électroniques dans l’historique des modifications de compte (ce qui a changé, par qui et quand reste conservé)
privacy-period-calendar-tokens = Adresses de calendrier que vous avez révoquées, à compter de leur révocation
privacy-hours = { $count ->
    [one] { $count } heure
   *[other] { $count } heures
}
privacy-days = { $count ->
    [one] { $count } jour
   *[other] { $count } jours
}
privacy-years = { $count ->
    [one] { $count } an
   *[other] { $count } ans
}
privacy-rights-heading = Vos droits
privacy-right-access = Accès et portabilité : vous pouvez télécharger tout ce que la plateforme détient à votre sujet.
privacy-right-access-link = Télécharger vos données
privacy-right-erasure = Effacement : sur la même page, vous pouvez demander la suppression de votre compte. Dès qu’un coordinateur ou un administrateur la confirme, votre adresse électronique, votre nom, votre mot de passe, vos sessions, vos résumés et vos traces de connexion sont supprimés ; ce que vous avez rédigé reste dans le travail du partenariat, sans votre nom.
privacy-right-rectification = Rectification : vous pouvez corriger vous-même votre nom, votre langue, votre fuseau horaire et vos préférences de résumé ; le coordinateur de votre organisation corrige votre adresse électronique, votre partenaire ou votre rôle.
privacy-right-rectification-link = Votre compte
privacy-right-objection = Opposition et limitation : vous pouvez vous opposer à l’utilisation de vos données ou en demander la limitation, auprès du contact indiqué plus haut.
privacy-right-complaint = Réclamation : vous pouvez introduire une réclamation auprès d’une autorité de contrôle de la protection des données, notamment dans le pays où vous vivez ou travaillez.
privacy-licence-heading = Contenus publics
privacy-licence = Les documents que les partenaires publient pour tous peuvent être réutilisés sous cette licence :
privacy-licence-default = Creative Commons Attribution 4.0 International (CC BY 4.0)
privacy-licence-internal = Les documents partagés uniquement au sein du partenariat ne sont pas couverts par cette licence.

## Historique d’un compte (admin_user.html), une fois effacées les anciennes et nouvelles valeurs d’un nom
admin-event-change-cleared = { $field } : modifié (les valeurs ne sont plus conservées)
