// English cue phrases (folded; see types.ts).
import { GAP, LONG_GAP, REF, rx } from './rx.js';
import type { LanguageLexicon } from './types.js';

const INVOICE = String.raw`(?:\binvoices?\b|\binv\b|\bbills?\b|${REF})`;
const PAYMENT = String.raw`(?:\b(?:payments?|checks?|cheques?|wires?|wire transfer|transfers?|ach|eft|remittance|funds|money)\b|#amt)`;
const PAY_NOUN = String.raw`(?:payments?|checks?|cheques?|wires?|transfers?|ach|eft|funds|remittance)(?: (?:no|number|#))?(?: ?(?:#num|#ref|#amt))?`;

export const en: LanguageLexicon = {
  intents: {
    invoice_copy: {
      strong: [
        rx`\b(?:copy|copies|pdfs?|reprints?|scans?|soft copy|e-?copy)\b${GAP}${INVOICE}`,
        rx`${INVOICE}${GAP}\b(?:copy|copies|pdfs?|reprints?)\b`,
        rx`\b(?:re-?send|send (?:it |them |this |these )?again|send (?:us |me )?over|re-?issue|re-?transmit)\b${GAP}${INVOICE}`,
        rx`\b(?:re-?send|resend)\b`,
        rx`\b(?:can'?t|cannot|can not|could ?n[o']t|unable to)\s+(?:find|locate|open|download|see)\b${GAP}${INVOICE}`,
        rx`\b(?:never|not|didn'?t|did not|haven'?t|have not|has not|hasn'?t)\s+(?:yet\s+)?(?:receive|received|get|got|gotten|seen)\b${GAP}${INVOICE}`,
        rx`\bmissing\s+(?:your |the |our |an? )?${INVOICE}|${INVOICE}\s+(?:is|are)\s+missing\b`,
        rx`\b(?:send|forward|e-?mail|provide)(?: me| us)(?: (?:the|a|an|your|all|both))? ?(?:invoices?|inv|bills?|#ref|pdfs?|copies)\b`,
        rx`\b(?:attach|include)\b${GAP}${INVOICE}`,
        rx`\bcop(?:y|ies) of (?:all |the |any |whatever |everything |what )?(?:that )?(?:is |are )?(?:open|outstanding|unpaid|past due|overdue)\b`,
        rx`\b(?:send|provide|need|want|request)\b${GAP}\bduplicates?\b`,
      ],
      weak: [
        rx`\b(?:send|e-?mail|forward|provide|share|need|get|have)\b${GAP}${INVOICE}`,
        rx`\binvoices?\b`,
        rx`\battach(?:ed|ment)?\b`,
      ],
    },
    balance_statement: {
      strong: [
        rx`\baccount (?:overview|summary|position)\b|\boutstanding (?:list|items)\b`,
        rx`(?<!bank |payment |remittance |credit card )\bstatement\b(?! of (?:the )?facts)`,
        rx`\bsoa\b`,
        rx`\bopen items?\b|\bopen invoices? (?:list|report)\b|\blist of (?:all )?(?:our |the )?(?:open|outstanding|unpaid|overdue) (?:items|invoices)\b`,
        rx`\b(?:aging|ageing|aged) (?:report|balance|receivables?|debt|analysis|list)\b|\baging\b`,
        rx`\b(?:current|outstanding|open|total|remaining|account) balance\b|\bbalance (?:due|owing|owed|outstanding|on (?:our|my|the) account)\b`,
        rx`\bhow much is (?:my|our|the) (?:balance|account|bill)\b|\bwhat(?:'s| is) (?:my|our) (?:current )?balance\b`,
        rx`\bhow much (?:do|does|did) (?:we|i|our company) (?:still )?owe\b|\bwhat (?:do|does) (?:we|i) (?:still )?owe\b`,
        rx`\bwhat(?:ever)? (?:is|are) (?:still )?(?:outstanding|open|due|unpaid|owing)\b|\bwhich invoices (?:are|remain) (?:still )?(?:open|outstanding|unpaid|due)\b`,
        rx`\b(?:total|amount|balance|everything|all) (?:that )?(?:we|i) (?:still )?owe\b|\bbreakdown of (?:our|my|the) account\b`,
      ],
      weak: [
        rx`\bbalance\b`,
        rx`\bstatements\b`,
        rx`\b(?:open|outstanding|unpaid) invoices\b|\bpayments? not (?:yet )?applied\b`,
        rx`\b(?:outstanding|overdue|past due|unpaid)\b`,
        rx`\breconcil(?:e|iation|ing)\b`,
        rx`\bunapplied (?:credits?|cash|payments?)\b|\bcredits? on (?:our|my) account\b`,
      ],
    },
    payment_status: {
      strong: [
        rx`\b(?:confirm|verify|check)\b${LONG_GAP}${PAYMENT}${LONG_GAP}\b(?:received|applied|posted|credited|cleared|allocated|arrived|came through|went through)\b|\bdid (?:our|the|my) ${PAY_NOUN} (?:come|go|get) through\b`,
        rx`\b(?:did|have|has) (?:you|u|your team|you guys|northwind) (?:already )?(?:receive|received|get|got|applied|posted|allocated|credited)\b`,
        rx`\b(?:records?|system|bank|statement) shows? (?:that )?(?:it|they|this|the (?:invoice|payment))? ?(?:was|were|has been|have been|as)? ?(?:paid|cleared|debited|settled)\b`,
        rx`\b(?:confirm|verify|check|let (?:us|me) know)\b${LONG_GAP}\b(?:receipt|received|receiving|arrived|got|applied|posted|credited|cleared)\b(?=${LONG_GAP}${PAYMENT})|${PAYMENT}${LONG_GAP}\b(?:confirm|verify)\b${GAP}\b(?:receipt|received|arrived|applied)\b`,
        rx`\b(?:has|have|was|were) (?:our |the |my |this |that )?${PAY_NOUN} (?:been )?(?:received|applied|posted|credited|cleared|processed|allocated|cashed|deposited)\b`,
        rx`\b(?:which|what) (?:invoices?|items)\b${GAP}\b(?:pay|paid|cover|covers|covered|applied|settle|settled)\b`,
        rx`\bhow (?:was|were|did you|have you|has)\b${GAP}\b(?:appl(?:y|ied)|allocat(?:e|ed)|post(?:ed)?)\b`,
        rx`\bpayment status\b|\bstatus of (?:our|my|the|this) ${PAY_NOUN}\b`,
        rx`\bstill (?:shows?|showing|appears?|listed|open|unpaid|outstanding)\b|\b(?:shows?|showing|appears?|listed) as (?:open|unpaid|outstanding|due|overdue|past due)\b`,
        rx`\b(?:what|where|which)\b${GAP}\b(?:applied|allocated|posted)(?: it| them)? (?:to|against)\b`,
        rx`\breceived?\b[^.!\n]{0,30}${PAYMENT}[^.!\n]{0,40}\?`,
      ],
      weak: [
        rx`\b(?:received|receipt|applied|posted|credited|cleared|allocated)\b`,
        rx`\b(?:confirm|verify)\b${GAP}\b(?:receipt|received)\b`,
        rx`\bpayments?\b`,
      ],
    },
    remittance_advice: {
      strong: [
        rx`\b(?:payment|money|funds|transfer|wire|check|cheque|ach)\b[^.?!\n]{0,30}\b(?:is|are|'s) (?:on (?:its|their) way|in the (?:mail|post)|in transit)\b|\b(?:funds|money|payment|transfer|wire)\b${GAP}\b(?:left (?:our|my) (?:account|bank)|(?:has |have )?gone out|went out)\b`,
        rx`\b(?:transfer|payment|wire|ach|eft) (?:initiated|released|executed|sent|made|ordered)\b|\bvalue date\b|\b(?:cheque|check) (?:mailed|posted|sent|dispatched)\b`,
        rx`\bpaid (?:by|via|with|through) (?:credit |debit )?(?:card|bank transfer|transfer|wire|ach|eft|check|cheque|direct debit)\b|\b(?:part|partial) payment (?:now|today|of)\b`,
        rx`\b(?:we|i)(?:'ve| have)? (?:arranged|organi[sz]ed|authori[sz]ed|booked) (?:the )?payment\b|\b(?:next|this week'?s|friday'?s|our) payment (?:run|batch|cycle)\b`,
        rx`\bremittance\b(?! address)`,
        rx`\bpayment (?:advice|notification|notice|details|summary|breakdown)\b|\bproof of payment\b`,
        rx`\b(?:we|i)(?: have| has| had| just| already| today| now| recently|'ve)* (?:paid|sent|released|made|initiated|issued|mailed|processed|wired|transferred|remitted|submitted|scheduled|approved|settled|cut)\b${GAP}(?:${PAYMENT}|${INVOICE}|\bin full\b)`,
        rx`${PAYMENT}[^.?!\n]{0,30}? (?:is|was|has been|have been|will be|are|were|should be|went) (?:sent|mailed|released|scheduled|made|initiated|issued|processed|paid|transmitted|submitted|out)\b`,
        rx`${INVOICE}[^.?!\n]{0,30}? (?:has been|have been|was|were|is|are|will be|shall be) (?:paid|settled|remitted)\b|\b(?:will|shall) be (?:paid|settled|remitted|wired|released)\b`,
        rx`\b(?:we|i) (?:will|shall|'ll) (?:be )?(?:pay|paying|remit|release|send (?:the |a )?payment|wire|settle)\b|\b(?:we|i)'ll (?:pay|remit|release|wire|settle)\b|\b(?:scheduled|set up|queued) for payment\b`,
        rx`\b(?:please find|attached (?:is|are|please find)|enclosed (?:is|are|please find)?|see attached)\b${GAP}\b(?:remittance|payment|check|cheque|wire|transfer|ach|proof)\b`,
      ],
      weak: [
        rx`\bpaid\b`,
        rx`\bremittances\b`,
        rx`\b(?:check|cheque) (?:no|number|#)|\btrace (?:no|number|#|id)\b|\b(?:ach|wire|eft) (?:ref|reference|trace|confirmation)\b`,
        rx`\b(?:ach|wire|eft|check|cheque)\b`,
        rx`\bpayment confirmation\b|\bpartial payment\b|\bpayment run\b|\bapproved for payment\b`,
      ],
    },
    dispute: {
      strong: [
        // A price or charge disagreement without a dispute word.
        rx`\bnot (?:in|on|part of|included in) (?:the|our|your) (?:quote|quotation|offer|agreement|contract|order confirmation|purchase order|po)\b`,
        rx`\b(?:more|higher) than\b${GAP}\b(?:quoted|agreed|offered|contracted|negotiated|promised|quote|quotation|order confirmation|purchase order|contract)\b|\bnot (?:the|what) (?:price |rate )?(?:we|you|your \w+|was|were)\b${GAP}\b(?:agreed|quoted|offered|negotiated|promised)\b|\b(?:agreed|quoted|contracted|negotiated|contract) (?:unit )?(?:price|prices|rate|rates|pricing)\b`,
        rx`\b(?:price|prices|rate|amount|total)\b${LONG_GAP}\b(?:differs?|different|does ?n[o']?t match|do ?n[o']?t match|deviates?)\b${GAP}\b(?:order confirmation|quote|quotation|po|purchase order|contract|price list|agreement)\b|\b(?:billed|charged|invoiced)\b${LONG_GAP}\binstead of\b|\b(?:correct|fix|amend|revise)\b${LONG_GAP}\bbefore (?:we|i) (?:can )?(?:pay|process|release|approve)\b`,
        rx`\b(?:we|i) only (?:ordered|received|got|asked for)\b|\bonly #num (?:of|out of) (?:the )?#num\b`,
        rx`\b(?:returned|sent back|rma)\b${LONG_GAP}\b(?:billed|charged|invoiced|on the invoice)\b`,
        rx`\b(?:discount|rebate)\b${GAP}\bmissing\b|\bsame (?:shipment|delivery|order|goods|items)\b${LONG_GAP}\b(?:invoiced|billed|charged|twice)\b|\b(?:invoiced|billed|charged)\b${LONG_GAP}\bsame (?:shipment|delivery|order|goods)\b`,
        rx`\bshould ?n[o']t (?:be|have been) (?:there|on (?:the|this) invoice)\b|\b(?:doesn'?t|does not|don'?t|do not) agree with\b|\bnever (?:asked|ordered|requested) (?:for )?\b|\breverse[- ]charge\b`,
        rx`\b(?:price|rate|pricing) (?:we )?(?:agreed|quoted|contracted)\b|\b(?:agreed|quoted|contract(?:ed)?) (?:unit )?(?:price|rate)\b|\bhigher than (?:what|the) (?:is |was )?(?:in|on|agreed|quoted)\b`,
        rx`\bdisput(?:e|es|ed|ing)\b`,
        rx`\b(?:over-?charg|over-?bill|double[- ]?(?:bill|charg)|(?:charged|billed|invoiced) (?:us )?twice|duplicate (?:billing|charges?))\w*`,
        rx`\b(?:is|are|was|looks like|seems to be|appears to be) (?:a )?duplicates?\b|\btwice for the same\b|\bduplicate (?:invoices|charges|billing)\b`,
        rx`\bbut (?:our|the) (?:po|purchase order|quote|quotation|contract|agreement|price list)\b|\bwhy (?:were|was|are|is|did|do) (?:we|you|i|us)\b${GAP}\b(?:charged?|billed?|invoiced?)\b`,
        rx`\b(?:discount|rebate|credit|price|rate)\b${GAP}\bnot (?:been )?(?:applied|honou?red|reflected|included|deducted)\b`,
        rx`\b(?:wrong|incorrect|not correct|inaccurate|doesn'?t match|does not match|don'?t match|do not match|higher than|more than (?:we|what))\b${GAP}\b(?:price|pricing|amount|quantit|qty|rate|tax|vat|total|freight|shipping|charge|unit|discount|invoice)`,
        rx`\b(?:price|pricing|amount|quantity|qty|rate|tax|vat|freight|shipping|charge|total)s?\b${GAP}\b(?:wrong|incorrect|not correct|is off|doesn'?t match|does not match|differs?|different from|higher than)\b`,
        rx`\bshort[- ]?(?:pa(?:y|id|ying|yment)|ship(?:ped|ment)?)\b|\b(?:deduct|deducted|deducting|deduction)\b`,
        // A damaged file ("the PDF is damaged, please resend") is no damaged delivery.
        rx`(?<!\b(?:pdf|file|attachment|document|scan)s? (?:(?:is|was|are|were|seems to be|appears to be|looks|came through|arrived|got) )?(?:completely |totally |somehow )?)\b(?:damaged|broken|defective|faulty|missing (?:items|parts|pieces|units)|not delivered|never (?:arrived|delivered)|wrong (?:items?|parts?|product|goods))\b(?! (?:pdf|file|attachment|document|scan)s?\b)`,
        rx`\b(?:issue|request|need|want|expect|raise)\b${GAP}\bcredit(?: note| memo)?\b`,
        rx`\b(?:we|i) (?:do not|don'?t|won'?t|will not|cannot|can'?t|refuse to) (?:agree|accept|pay)\b|\bnot (?:agreed|authori[sz]ed|ordered|approved)\b`,
        rx`\bshould(?: not|n'?t) (?:have been |be )?(?:charged|billed|taxed|invoiced)\b`,
      ],
      weak: [
        rx`\b(?:price|quote|quoted|discount|credit|refund|freight|surcharge|fee|void|cancel|cancell?ed|correction|corrected)\b`,
        rx`\bper (?:our|the) (?:quote|quotation|agreement|contract|po)\b|\bagreed\b`,
        rx`\b(?:restocking|late|handling|admin(?:istration)?|service) fees?\b|\bper unit\b`,
      ],
    },
    tax_form_request: {
      strong: [
        rx`\bw-?9s?\b|\bw-?8(?:ben)?(?:-?e)?\b`,
        rx`\b(?:tax|vat|sales tax|resale|gst|hst)[- ]exempt(?:ion)? (?:certificate|cert|form|letter)\b|\bexemption certificate\b|\bresale certificate\b`,
        rx`\b(?:new )?(?:vendor|supplier) (?:forms?|set-?up|set up|registration|onboarding|information|info|master|profile|questionnaire|application|packet|package|files?|records?)\b`,
        rx`\b(?:bank|banking) (?:letter|confirmation|details letter|verification|reference|account (?:confirmation|verification|letter))\b|\bletter (?:from your bank|on (?:bank|company) letterhead|confirming (?:your )?bank)\b|\bbank details on (?:company |bank )?letterhead\b`,
        rx`\b(?:tax ?id|taxpayer id|tin|ein|fein|vat (?:number|no|id|registration)|tax (?:identification|registration|residency|residence) (?:number|certificate|form|letter)|certificate of (?:tax )?residen(?:ce|cy))\b`,
        rx`\b(?:certificate of insurance|insurance certificate|coi)\b`,
        rx`\b(?:fill (?:in|out)|complete|sign)\b${GAP}\b(?:form|questionnaire)\b`,
      ],
      weak: [rx`\bforms?\b`, rx`\bcertificates?\b`, rx`\b(?:tax|vat)\b`, rx`\bcompliance\b`],
    },
    contact_update: {
      strong: [
        rx`\b(?:peppol|e-?invoic\w*|edi)\b${LONG_GAP}\b(?:id|address|identifier|invoic\w*|details|endpoint)\b|\b(?:upload|submit|switch|route)\b${LONG_GAP}\b(?:portal|peppol|edi|coupa|ariba|tungsten|basware|electronic(?:ally)?)\b|\b(?:receive|accept) invoices\b${GAP}\b(?:electronically|via|through)\b`,
        rx`\b(?:invoice|bill) (?:our|the) new (?:legal )?(?:entity|company)\b|\bnew (?:legal )?entity\b|\bchanged (?:our|its) (?:legal |company )?name\b|\b(?:legal|company) name (?:has )?changed\b`,
        rx`\btaking over from\b|\b(?:replacing|replace)\b${GAP}\bas (?:your |the )?(?:ap |billing |accounts payable )?contact\b|\b(?:i am|i'm) (?:now )?(?:your )?new (?:ap |billing )?contact\b`,
        rx`\b(?:update|change|changed|amend|correct|modify)\b${GAP}\b(?:address|e-?mail|contact|addressee|recipient|mailbox)\b`,
        rx`\bnew (?:billing |invoicing |invoice |mailing |postal |remit-to |ap )?(?:address|e-?mail|contact|mailbox|inbox|addressee)\b`,
        rx`\bupdate (?:your|the) (?:records|files|system|database|master data|contact list)\b`,
        rx`\b(?:send|address|direct|e-?mail|mail|forward|route|deliver)\b${GAP}\b(?:invoices|statements|bills|correspondence|reminders)\b${GAP}\b(?:to|at)\b${GAP}(?:#email|\bnew\b|\bthis\b|\bthe following\b|\bour\b|\bbelow\b)`,
        rx`\b(?:remove|delete|take)\b${LONG_GAP}\b(?:from (?:your|the|all) (?:mailing |distribution |contact |e-?mail )?lists?|as (?:a |the )?contact|from (?:your|the) records|off (?:your|the) list)\b`,
        rx`\bno longer (?:with|works|working|employed|at|part of|responsible)\b|\b(?:has|have) left (?:the company|us|our company)\b|\btake (?:me|him|her|us|them|it) off\b`,
        rx`\b(?:our|my) (?:billing |invoicing |mailing )?(?:e-?mail|address|contact)(?: address)? (?:is|has changed|will (?:be|change)|changes)\b|\b(?:we|our (?:office|company)) (?:have |has )?(?:moved|relocated)\b|\b(?:address|e-?mail) change\b|\bchange of (?:address|contact|e-?mail)\b`,
        rx`\badd\b${GAP}\b(?:to (?:your|the) (?:distribution|mailing|contact)|as (?:a )?(?:new )?contact|in (?:copy|cc)|on cc)\b`,
      ],
      weak: [
        rx`\baddress\b`,
        rx`\bcontact\b`,
        rx`#email`,
        rx`\b(?:going forward|from now on|moving forward|in (?:the )?future|effective (?:immediately|#date|from)|as of #date|starting #date)\b`,
      ],
    },
    auto_reply: {
      strong: [
        rx`\bout of (?:the )?office\b|\bin my absence\b`,
        rx`\b(?:i am|i'm|i will be|currently) (?:away|out|on (?:annual |parental |sick |maternity )?leave|on vacation|on holiday|travell?ing|off)\b`,
        rx`\bwith (?:limited|no) access to (?:my )?e-?mail\b|\b(?:upon|on|after) my return\b|\bwill (?:be )?(?:back|return|returning) (?:on|in|to the office)\b`,
        rx`\bautomatic(?:ally)? (?:reply|response|generated|message|confirmation|acknowledge?ment)\b|\bauto-?(?:generated|reply)\b|\bthis is an automated\b`,
        rx`\bdo not reply\b|\bunmonitored\b|\bnot monitored\b|\bno-?reply\b`,
        rx`\b(?:permanent )?fatal errors?\b|\bthe original message was received\b|\b(?:delivery (?:has )?failed|could ?n[o']t be delivered|undeliverable|delivery status notification|permanent(?:ly)? (?:error|failure)|message (?:was )?not delivered|wasn'?t delivered|recipient address rejected|user unknown|mailbox (?:unavailable|full|not found)|address not found|no such user|mailer-daemon|postmaster|diagnostic-code)\b`,
        rx`\b(?:was|has been) read on\b|\bread receipt\b|\b(?:your|the) message\b${GAP}\b(?:was|has been) read\b`,
        rx`\b(?:we|i) (?:have )?received your (?:e-?mail|message|request|inquiry|enquiry)\b${LONG_GAP}\b(?:will|shall|within|as soon)\b`,
        rx`\bticket (?:number|#|no|id)\b|\b(?:case|ticket) (?:has been )?(?:created|logged|opened)\b|\byour (?:request|message|e-?mail) has been (?:received|logged|forwarded)\b`,
      ],
      weak: [rx`\burgent\b`, rx`\b(?:please contact|alternatively contact|contact my colleague)\b`],
    },
    other: {
      strong: [
        rx`\b(?:unsubscribe|newsletter|webinar|free trial|limited[- ]time|special offer|promo(?:tion(?:al)?)? code|seo|click here|book a (?:demo|call|meeting)|schedule a (?:demo|call)|our (?:platform|solution|software)\b)`,
        rx`\b(?:congratulations|winner|prize|bitcoin|crypto|gift card|lottery)\b`,
        rx`\bour (?:platform|solution|software|tool|product) (?:helps|automatically|uses|can)\b|\b(?:demo|free consultation|(?:#num|\w+)-minute (?:call|chat|demo)|would you be open to|grab a (?:slot|time)|teams like yours|case study)\b`,
        rx`\b(?:place an order|new order|order status|tracking (?:number|info)|when will (?:it|the order|my order|the parts) ship|lead times?|in stock|datasheet|catalog(?:ue)?)\b`,
      ],
      weak: [
        rx`\b(?:price|pricing|quote|quotation|availability|samples?)\b${GAP}\b(?:for|on|of)\b`,
        rx`\b(?:thanks|thank you|thx|cheers|much appreciated|perfect|great|got it|all good|noted)\b`,
        rx`\bsales (?:contact|rep|representative|team|department)\b`,
      ],
    },
  },
  acknowledgements: [
    rx`\b(?:thanks|thank you|thx|many thanks|much appreciated)(?: so much| very much| again| a lot)?,? (?:for|4) (?!your (?:e-?mail|message|inquiry|enquiry|request|order|business)\b)(?:sending|forwarding|providing|resending|the|your|these|this|that|those|getting back|confirming|quick|fast|prompt)[^.!?\n]*`,
    rx`(?:^|[.!?\n]) *(?:well received|received(?: with thanks|,? thanks?(?: you)?)|got (?:it|them),? thanks?)\b`,
    rx`\b(?:we|i) (?:have )?(?:received|got) (?:your|the) (?:latest |last |recent )?(?:statement|reminder|past due notice|notice|letter|invoice)s?\b`,
  ],
  requests: [
    rx`\b(?:please|pls|plz|kindly)\b`,
    rx`\b(?:could|can|would|will) (?:you|u)\b`,
    rx`\b(?:i|we) (?:need|require)\b|\b(?:i|we)'?d (?:like|appreciate)\b|\b(?:would|will) appreciate\b|\brequest(?:ing)?\b`,
    rx`\blet (?:us|me) know\b|\bsend (?:me|us)\b`,
  ],
};
