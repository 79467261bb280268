// French cue phrases (folded; see types.ts).
import { GAP, LONG_GAP, REF, rx } from './rx.js';
import type { LanguageLexicon } from './types.js';

const FACTURE = String.raw`(?:\bfactures?\b|\bfact\b|${REF})`;
const PAIEMENT = String.raw`(?:\b(?:paiements?|virements?|reglements?|cheques?|versements?|prelevements?)\b|#amt)`;

export const fr: LanguageLexicon = {
  intents: {
    invoice_copy: {
      strong: [
        rx`\b(?:copies?|duplicatas?|double (?:de|du|des)|pdf|exemplaires?|scans?)\b${GAP}${FACTURE}`,
        rx`${FACTURE}${GAP}\b(?:copies?|duplicatas?|en pdf)\b`,
        rx`\b(?:renvoy|retransmett|reenvoy|reexpedi)\w*`,
        rx`\b(?:pas|jamais) (?:encore )?(?:recu|recue|recus|recues)\b${GAP}${FACTURE}`,
        rx`\b(?:ne (?:trouve|trouvons|retrouve|retrouvons) pas|impossible de (?:trouver|retrouver|ouvrir|telecharger)|introuvables?)\b${LONG_GAP}${FACTURE}|${FACTURE}${GAP}\bintrouvables?\b`,
        rx`\bfactures? manquantes?\b|\bil (?:nous |me )?manque\b${GAP}${FACTURE}`,
      ],
      weak: [
        rx`\b(?:envoyer|transmettre|faire parvenir|adresser|besoin)\b${GAP}${FACTURE}`,
        rx`\bfactures?\b`,
        rx`\b(?:ci-joint|piece jointe|en pj)\b`,
      ],
    },
    balance_statement: {
      strong: [
        rx`\betat de (?:notre |votre )?compte\b`,
        rx`\breleve (?:de compte|client)\b|\breleve\b(?! (?:bancaire|de banque|d'identite))|\betat de compte\b|\bextrait de compte\b`,
        rx`\b(?:situation|position) (?:de|du) (?:notre |votre )?compte\b|\bsolde (?:de|du) (?:notre |votre )?compte\b|\bsolde (?:actuel|restant|du|ouvert|a payer)\b`,
        rx`\b(?:liste|etat|detail) des (?:factures|postes|pieces) (?:ouvert|en attente|impaye|non regle|echu|en souffrance)\w*|\bpostes ouverts\b|\bbalance agee\b|\bencours\b`,
        rx`\bcombien (?:nous |je )?(?:vous )?(?:devons|dois|doit)\b|\bce que nous vous devons\b`,
        rx`\bquelles? factures?\b${GAP}\b(?:impaye|ouvert|en souffrance|non regle|echu|en attente)\w*`,
      ],
      weak: [
        rx`\bsolde\b`,
        rx`\breleves\b`,
        rx`\b(?:impaye|en souffrance|echu|en retard|non regle)\w*`,
        rx`\b(?:rapprochement|lettrage)\b|\bavoirs? (?:non (?:utilise|impute)|disponible)\w*`,
      ],
    },
    payment_status: {
      strong: [
        rx`\bconfirm\w*\b${LONG_GAP}${PAIEMENT}${LONG_GAP}\b(?:recu|encaisse|impute|affecte|applique|enregistre|pris en compte|credite|arrive|lettre)\w*|\bbien ete (?:recu|encaisse|impute|applique|affecte|pris en compte|enregistre|lettre)\w*`,
        rx`\bconfirm\w*\b${LONG_GAP}\b(?:reception|recu|encaisse|encaissement|imputation|affectation|lettrage|impute|affecte|arrive)\w*(?=${LONG_GAP}${PAIEMENT})|${PAIEMENT}${LONG_GAP}\bconfirm\w*\b${GAP}\b(?:reception|recu|encaisse|arrive|impute)\w*`,
        rx`${PAIEMENT}[^.!\n]{0,40}\b(?:recu|encaisse|impute|affecte|enregistre|credite|arrive)\w*[^.!\n]{0,30}\?`,
        rx`\b(?:avez-vous|avez vous)\b${GAP}\b(?:recu|encaisse|impute|enregistre)\w*`,
        rx`\b(?:a|sur) quelles? factures?\b${GAP}\b(?:impute|affecte|correspond|regle|couvr|appliqu)\w*|\bquelles? factures?\b${GAP}\b(?:paiement|virement|reglement|couvr|regle)\w*`,
        rx`\b(?:verifi|control)\w*\b${GAP}\b(?:affectation|imputation|lettrage)\b`,
        rx`\bstatut (?:du|de notre) (?:paiement|virement|reglement)\b|\bou en est (?:le|notre) (?:paiement|virement|reglement)\b`,
        rx`\b(?:toujours|encore) (?:ouverte?s?|impayee?s?|en souffrance|non reglee?s?|echue?s?|affichee?s? comme|en attente)\b`,
      ],
      weak: [rx`\b(?:recu|reception|encaisse|impute|affecte)\w*`, rx`\bpaiements?\b`, rx`\bconfirm\w*\b${GAP}\b(?:reception|recu|arrive)\w*`],
    },
    remittance_advice: {
      strong: [
        rx`\b(?:paiement|reglement|virement|fonds|argent|cheque)\b${GAP}\b(?:est |sont )?(?:en route|en chemin|partis?|parti de)\b|\bdate de valeur\b|\bcheque (?:poste|envoye|expedie)\b`,
        rx`\b(?:paye|regle|vire)e?s? par (?:virement|carte|cheque|prelevement|lcr)\b|\b(?:nous avons|avons|j'ai) solde\b|\bacompte (?:de|aujourd'hui)\b|\b(?:lot|campagne) de paiements?\b`,
        rx`\bavis de (?:paiement|virement|reglement|remise)\b|\b(?:justificatif|preuve|detail) (?:de|du) (?:paiement|virement|reglement)\b`,
        rx`\b(?:nous avons|avons|j'ai|ai|nous venons d'|je viens d')\s?(?:bien |deja |aujourd'hui )?(?:effectue|procede|emis|envoye|regle|paye|vire|transfere|initie|programme|ordonne|lance|execute)\w*`,
        rx`\b(?:virement|paiement|reglement|cheque)\b${LONG_GAP}\b(?:a ete|sera|est|partira|part)\b${GAP}\b(?:effectue|emis|envoye|execute|programme|initie|vire|passe|regle|lance|valide|poste)\w*`,
        rx`\bnous vous informons\b${LONG_GAP}\b(?:paiement|virement|reglement|regle|paye)\w*`,
        rx`\bsera (?:regle|payee?|vire|effectue)\w*|\bmise en paiement\b|\bprochaine? (?:campagne|echeance|run) de paiement\b`,
        rx`\b(?:veuillez trouver|ci-joint|vous trouverez)\b${GAP}\b(?:avis|justificatif|preuve|detail|copie du (?:virement|cheque))\b`,
      ],
      weak: [rx`\b(?:paye|payee|payees|regle|reglee|reglees|vire)\b`, rx`\b(?:virement|cheque)\b`],
    },
    dispute: {
      strong: [
        // A price or charge disagreement without a dispute word.
        rx`\bne (?:figurai(?:en)?t|etai(?:en)?t|sont|est) pas (?:prevue?s? )?(?:dans|sur) (?:le|la|notre|votre) (?:devis|offre|contrat|commande|confirmation de commande|bon de commande)\b`,
        rx`\bplus (?:cher )?que (?:le prix |le tarif |ce qui (?:etait|a ete) )?(?:convenu|prevu|negocie|accorde|le devis)\b|\b(?:n'est|ne sont) pas (?:le|les) (?:prix|tarifs?) (?:convenu|negocie|prevu|accorde|du devis)\w*|\bprix (?:convenu|negocie|accorde|contractuel)\w*|\bne correspond\w* pas\b${GAP}\b(?:devis|commande|confirmation|contrat|tarif|prix)\b|\bfactur\w*${LONG_GAP}\bau lieu de\b|\b(?:corrig|rectifi)\w*${GAP}\bavant (?:de |que nous )?(?:la |le )?(?:pay|regl|paiement|reglement)\w*`,
        rx`\bn'avons commande que\b|\bseule?s? #num (?:des|sur) #num\b|\b(?:retourne|renvoye)\w*\b${LONG_GAP}\bfactur\w*|\bautoliquidation\b|\b(?:prix|tarif) convenu\b|\bmeme livraison\b${LONG_GAP}\bfactur\w*`,
        rx`\b(?:contest|litig|reclamation|desaccord)\w*`,
        rx`\b(?:erreur|errone|incorrect|faux|fausse|ne correspond pas|pas conforme|non conforme|trop eleve|superieur)\w*${GAP}\b(?:prix|montant|quantite|tarif|tva|taxe|total|frais|port|remise|facture)\w*`,
        rx`\b(?:prix|montant|quantite|tarif|tva|taxe|frais|port|remise|facture)\b${GAP}\b(?:errone|incorrect|faux|fausse|ne correspond pas|pas conforme|trop eleve|different)\w*`,
        rx`\b(?:facture|facturee?s?|facturation) (?:deux fois|en double|a double)\b|\bdoublon\b|\bdouble facturation\b`,
        rx`(?<!\b(?:fichier|piece jointe|pj|pdf|document)s? (?:(?:joint|jointe|pdf) )?(?:(?:est|sont|semble|semblent|semble etre|parait|a ete|est arrive|est arrivee) )?)\b(?:endommage|abime|casse|defectueu|manquant|non livre|jamais livre|pas ete livre)\w*`,
        rx`\b(?:un|d'un|cet) avoir\b|\bnote de credit\b`,
        rx`\bremise\b${GAP}\b(?:convenue|accordee|promise|oubliee|non appliquee|pas ete appliquee)\b|\b(?:deduit|deduite|retenu|retenue|deduction)\w*`,
        rx`\b(?:ne pouvons pas|refusons de|ne payerons pas|n'accepterons pas|n'acceptons pas)\b|\bpas (?:ete )?commande\b`,
      ],
      weak: [rx`\b(?:prix|tarif|remise|avoir|frais de port|ecart|difference|rectifi|correction|annul)\w*`],
    },
    tax_form_request: {
      strong: [
        rx`\b(?:formulaire|fiche|dossier) (?:fournisseur|de creation|d'ouverture|de referencement|d'inscription)\w*|\bcreation (?:de )?(?:compte )?fournisseur\b|\breferencement fournisseur\b`,
        rx`\b(?:rib|releve d'identite bancaire|attestation bancaire|attestation de (?:domiciliation|coordonnees) bancaires?|lettre (?:de|d'une|de votre) banque|confirmation (?:de vos |des )?coordonnees bancaires)\b`,
        rx`\b(?:attestation|certificat) (?:d'exoneration|de residence fiscale|fiscale?|de regularite|d'assurance|de vigilance|urssaf)\b|\bkbis\b|\bnumero de (?:tva|siret|siren)\b|\bsiret\b|\btva intracom\w*`,
        rx`\b(?:remplir|completer|signer|retourner)\b${GAP}\b(?:formulaire|fiche|questionnaire)\b`,
      ],
      weak: [rx`\b(?:formulaire|attestation|certificat|fiscal)\w*`],
    },
    contact_update: {
      strong: [
        rx`\b(?:chorus(?: pro)?|peppol|edi|factur(?:e|ation) electronique|portail (?:fournisseurs?|achats))\b|\bnouvelle (?:entite|societe|raison sociale)\b|\bje remplace\b|\bdemenage\b`,
        rx`\b(?:changement|modification|mise a jour|nouvelles?|nouveaux?) (?:d'|de l'|des |de |du )?(?:adresse|coordonnees|contact|interlocuteur|destinataire|e-?mail|courriel)\w*`,
        rx`\b(?:mettre a jour|mettez a jour|modifier|modifiez|changer|changez|actualiser)\b${GAP}\b(?:adresse|coordonnees|contact|destinataire|courriel|e-?mail|fichier)\w*`,
        rx`\b(?:envoyer|adresser|transmettre|envoyez|adressez|faire parvenir)\b${GAP}\b(?:factures|releves|relances|correspondances?)\b${GAP}(?:#email|\bnouvelle\b|\bsuivante\b|\bci-dessous\b)`,
        rx`\b(?:retirer|supprimer|enlever|retirez|supprimez)\b${LONG_GAP}\b(?:liste|diffusion|destinataires?|contacts?|copie)\b`,
        rx`\bne fait plus partie\b|\b(?:a quitte|quitte) (?:la societe|l'entreprise|notre societe)\b|\bn'est plus (?:chez nous|en poste|dans (?:la|notre) societe)\b`,
        rx`\b(?:nous avons|avons) demenage\b|\bnotre nouvelle adresse\b|\b(?:adresse|coordonnees|courriel)\w*${GAP}\b(?:change|changera|a change|evolue)\b`,
        rx`\bajout\w*\b${GAP}\b(?:en copie|en cc|a la liste|comme contact|destinataire)\b`,
      ],
      weak: [rx`\badresse\b`, rx`\bcontact\b`, rx`#email`, rx`\b(?:desormais|dorenavant|a l'avenir|a compter d)\b`],
    },
    auto_reply: {
      strong: [
        rx`\bje suis (?:actuellement )?(?:absente?|en conges?|en vacances|en deplacement|hors du bureau)\b|\babsente? du bureau\b`,
        rx`\b(?:pendant|en|durant) mon absence\b|\b(?:des|a) mon retour\b`,
        rx`\b(?:reponse|message|accuse de reception) automatique\b|\bgenere automatiquement\b|\benvoye automatiquement\b|\bne pas repondre\b|\bne repondez pas\b`,
        rx`\bnon distribue\b|\bn'a pas pu etre (?:remis|delivre|distribue)\b|\bechec de (?:la )?(?:remise|distribution|livraison)\b|\bdestinataire inconnu\b|\bboite (?:aux lettres )?pleine\b`,
        rx`\ba ete lu\b|\baccuse de lecture\b`,
        rx`\bnous avons bien recu votre (?:message|e-?mail|courriel|demande)\b${LONG_GAP}\b(?:traite|repondr|reviendr|delai)\w*|\bvotre (?:demande|message) a (?:bien )?ete (?:enregistre|recu|transmis)e?\b|\bnumero de (?:ticket|dossier|demande)\b`,
      ],
      weak: [rx`\burgence\b`],
    },
    other: {
      strong: [
        rx`\b(?:desabonn|desinscri|newsletter|webinaire|essai gratuit|offre speciale|cliquez ici|demonstration|demo)\w*|\bnotre (?:solution|plateforme|logiciel)\b`,
        rx`\b(?:delai de livraison|disponibilite|en stock|catalogue|fiche technique|passer (?:une )?commande|nouvelle commande|suivi de (?:la )?commande)\b`,
      ],
      weak: [rx`\b(?:devis|tarifs?)\b${GAP}\b(?:pour|sur|de)\b`, rx`\b(?:merci|parfait|super|c'est note)\b`],
    },
  },
  acknowledgements: [
    rx`\b(?:merci|un grand merci|merci beaucoup|merci bien|je vous remercie|nous vous remercions)(?: beaucoup| bien)?,? (?:pour|de nous avoir|de m'avoir|d'avoir)\b[^.!?\n]*`,
    rx`(?:^|[.!?\n]) *(?:bien recu|c'est bien recu|recu,? merci)\b`,
    rx`\b(?:nous avons|j'ai) (?:bien )?recu (?:votre|vos|la|le|les|l') ?(?:releve|relance|facture|avis|courrier)s?(?: de compte)?\b`,
  ],
  requests: [
    rx`\b(?:pourriez|pouvez|pourrais|veuillez|auriez)\b`,
    rx`\bmerci de (?:me |nous )?\w+(?:er|re|ir)\b`,
    rx`\b(?:svp|s'il vous plait|s'il te plait|je vous prie)\b`,
    rx`\b(?:je souhaiterais|nous souhaiterions|je souhaite|nous souhaitons|j'aurais besoin|nous aurions besoin|besoin d)`,
  ],
};
