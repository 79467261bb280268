// Portuguese cue phrases (folded; see types.ts), Portugal and Brazil.
import { GAP, LONG_GAP, REF, rx } from './rx.js';
import type { LanguageLexicon } from './types.js';

const FATURA = String.raw`(?:\bfaturas?\b|\bfacturas?\b|\bnotas? fiscais\b|\bnota fiscal\b|\bnf-?e?\b|${REF})`;
const PAGAMENTO = String.raw`(?:\b(?:pagamentos?|transferencias?|cheques?|depositos?|boletos?|pix|ted|doc)\b|#amt)`;

export const pt: LanguageLexicon = {
  intents: {
    invoice_copy: {
      strong: [
        rx`\b(?:copias?|duplicados?|pdfs?|reimpressao)\b${GAP}${FATURA}|\b(?:segunda|2a?|#num a?) via\b`,
        rx`\b(?:solicit\w*|pedimos|pedido)\b${GAP}\benvio\b${GAP}${FATURA}`,
        rx`${FATURA}${GAP}\b(?:copias?|duplicados?|em pdf)\b`,
        rx`\b(?:reenvi|reencaminh|enviar novamente|enviar de novo|voltar a enviar)\w*`,
        rx`\b(?:nao|nunca) (?:recebemos|recebi|encontramos|encontro|localizamos|conseguimos encontrar)\b${GAP}${FATURA}|\b(?:encaminhar|reenviar|mandar de novo)\b${GAP}${FATURA}`,
        rx`\bfaturas? em falta\b|\bfaltam?\b${GAP}${FATURA}`,
        rx`\b(?:enviar|mandar|reenviar|encaminhar|precis\w+)\b${GAP}\b(?:o |a )?(?:danfe|xml)\b|\bdanfe\b${GAP}\b(?:em pdf|pdf)\b`,
        rx`\b(?:enviar|mandar|encaminhar)(?:-(?:me|nos|lhe))?\b${GAP}\b(?:novamente|de novo|outra vez)\b`,
      ],
      weak: [rx`\b(?:enviar|enviem|mandar|partilhar|compartilhar|precisamos|preciso)\b${GAP}${FATURA}`, rx`\bfaturas?\b`, rx`\banexo\b`],
    },
    balance_statement: {
      strong: [
        rx`\bextratos? (?:de conta|da conta|de cliente|atualizado)\b|\bextrato\b(?! bancario)|\bconta corrente\b`,
        rx`\bsaldo (?:atual|em aberto|pendente|da (?:nossa )?conta|devedor|em divida)\b|\bposicao (?:da|de) conta\b`,
        rx`\b(?:faturas|titulos|documentos) (?:em aberto|pendentes|vencid[oa]s|por pagar)\b|\blista (?:de|das) (?:faturas|pendencias)\b|\bpendencias\b`,
        rx`\bquanto (?:vos |lhes )?(?:devemos|devo)\b|\bo que (?:temos|esta) em aberto\b`,
      ],
      weak: [rx`\bsaldos?\b`, rx`\b(?:em aberto|pendentes?|vencid[oa]s?|em atraso)\b`, rx`\b(?:reconciliacao|conciliacao)\b|\bnotas? de credito\b`],
    },
    payment_status: {
      strong: [
        rx`\bconfirm\w*\b${LONG_GAP}\bbaixa\b|\b(?:ja )?(?:deu|deram|foi dada|tiveram) baixa\b|\b(?:foi|foram|ja foi|ja foram) (?:baixad|compensad|creditad|identificad|lancad|aplicad)\w*|\b(?:ja )?caiu\b${GAP}(?:${PAGAMENTO}|\bted\b|\bpix\b|\?)|(?:${PAGAMENTO}|\bted\b|\bpix\b)${GAP}\b(?:ja )?(?:caiu|entrou|entraram)\b|\bentrou (?:completo|integral|certinho)\b`,
        rx`\bconfirm\w*\b${LONG_GAP}\b(?:rece[cp]ao|recebimento|recebido|recebeu|receberam|aplicacao|lancamento|baixa|credito|chegou)\b(?=${LONG_GAP}${PAGAMENTO})|${PAGAMENTO}${LONG_GAP}\b(?:confirm\w*|agradecemos a confirmacao)\b${GAP}\b(?:rece[cp]ao|recebimento|recebido|chegou)\b`,
        rx`\b(?:receberam|ja receberam|chegou)\b${GAP}${PAGAMENTO}|${PAGAMENTO}${GAP}\b(?:recebid|aplicad|lancad|creditad|chegou)\w*[^.!\n]{0,30}\?`,
        rx`\b(?:a|em) que(?:is)? faturas?\b${GAP}\b(?:aplic|lanc|imput|corresp)\w*|\bquais faturas?\b${GAP}\b(?:cobre|paga|pagamento|liquida)\w*`,
        rx`\bestado do (?:pagamento|transferencia)\b|\bcomo foi (?:aplicad|lancad|imputad)\w*|\bdar baixa\b`,
        rx`\b(?:continua|continuam|aparece|aparecem|consta|constam) (?:como )?(?:em aberto|pendentes?|vencid[oa]s?|por pagar)\b`,
      ],
      weak: [rx`\b(?:recebid|rece[cp]ao|recebimento|aplicad|lancad|creditad)\w*`, rx`\bpagamentos?\b`, rx`\bconfirm\w*\b${GAP}\b(?:rece[cp]ao|recebimento|recebido|chegou)\b`],
    },
    remittance_advice: {
      strong: [
        rx`\b(?:pagamento|dinheiro|transferencia|cheque)\b${GAP}\b(?:a caminho|saiu|seguiu)\b|\bdata-?valor\b|\bpag[oa] (?:com|por|via) (?:cartao|transferencia|cheque|mb way|multibanco|pix)\b|\bpagamento parcial\b|\b(?:fizemos|efetuamos) a transferencia\b|\blote de pagamentos\b`,
        rx`\baviso de (?:pagamento|transferencia)\b|\b(?:comprovativo|comprovante|prova|detalhe) (?:de|do) (?:pagamento|transferencia|deposito)\b`,
        rx`\b(?:efetuamos|efectuamos|realizamos|pagamos|transferimos|liquidamos|enviamos|depositamos|agendamos)\b${GAP}(?:${PAGAMENTO}|${FATURA})|\b(?:foi|foram) (?:efetuad|efectuad|realizad|pag|transferid|liquidad|agendad)\w*`,
        rx`\b(?:ja )?(?:efetuamos|efectuamos|realizamos|pagamos|transferimos|liquidamos)\b`,
        rx`\b(?:pagaremos|liquidaremos|transferiremos|efetuaremos o pagamento)\b|\bagendad[oa]s? para pagamento\b`,
        rx`\b(?:em anexo|segue em anexo|anexamos|segue)\b${GAP}\b(?:comprovativo|comprovante|aviso|detalhe)\b`,
      ],
      weak: [rx`\b(?:pag[oa]s?|liquidad[oa]s?|transferid[oa]s?)\b`, rx`\b(?:transferencia|cheque|pix|boleto)\b`],
    },
    dispute: {
      strong: [
        // A price or charge disagreement without a dispute word.
        rx`\bnao (?:estava|estavam|constava|constavam|vinha|vinham|incluid[oa]s?) (?:no|na) (?:orcamento|cotacao|proposta|contrato|pedido)\b`,
        rx`\b(?:cobraram|faturaram|cobrado|faturado)\b${LONG_GAP}\b(?:a mais|mais do que|em vez de|ao inves de)\b|\bnao e o preco\b|\bpreco (?:combinad|acordad|negociad|cotad|orcad)\w*|\b(?:corrij|corrig|retifiqu)\w*${GAP}\bantes de pag\w*|\b(?:diverge|difere|nao confere|nao bate)\b${GAP}\b(?:pedido|cotacao|orcamento|contrato)\b`,
        rx`\bso encomendamos\b|\bapenas #num\b|\b(?:devolvemos|devolvid\w*)\b${LONG_GAP}\bfaturad\w*|\b(?:preco|valor) acordado\b|\bintracomunitari\w*|\bautoliquidacao\b|\bmesma (?:entrega|encomenda|remessa)\b`,
        rx`\b(?:contest|reclam|desacordo|divergen)\w*`,
        rx`\b(?:erro|errad|incorret|nao corresponde|nao bate|mais alt|superior)\w*${GAP}\b(?:preco|valor|quantidade|tarifa|iva|imposto|total|frete|desconto|fatura)\w*`,
        rx`\b(?:preco|valor|quantidade|tarifa|iva|imposto|frete|desconto)\w*${GAP}\b(?:errad|incorret|nao corresponde|nao bate|diferente|mais alt)\w*`,
        rx`\b(?:faturad[oa]s?|cobrad[oa]s?|faturaram|cobraram) (?:duas vezes|em duplicado|em duplicidade)\b|\b(?:esta|estao) duplicad[oa]s?\b|\bcobranca (?:duplicada|em duplicidade)\b|\bfatura duplicada\b`,
        rx`(?<!\b(?:arquivo|ficheiro|anexo|pdf|documento)s? (?:(?:anexo|pdf) )?(?:(?:esta|estava|veio|chegou|parece|parece estar) )?)\b(?:danificad|avariad|partid|defeituos|em falta|nao (?:foi )?entregue|nunca (?:chegou|recebemos a mercadoria))\w*`,
        rx`\bnota de credito\b${GAP}\b(?:emitir|emitam|enviar|solicit)\w*|\b(?:emitir|emitam|solicitamos|pedimos)\b${GAP}\bnota de credito\b`,
        rx`\b(?:descontad|deduzid|retid)\w*|\bnao (?:aceitamos|concordamos|reconhecemos)\b`,
      ],
      weak: [rx`\b(?:preco|orcamento|desconto|credito|reembolso|frete|correcao|cancelar|anular)\w*`],
    },
    tax_form_request: {
      strong: [
        rx`\b(?:formulario|ficha|cadastro|registo|registro) (?:de )?(?:fornecedor|fornecedores)\w*`,
        rx`\b(?:carta|declaracao|comprovativo|comprovante|confirmacao) (?:bancari[oa]|do banco|de (?:dados|conta) bancari[oa]s?|de titularidade)\b|\biban (?:certificado|confirmado)\b`,
        rx`\b(?:certificado|declaracao) (?:de )?(?:residencia fiscal|isencao|nao divida)\b|\bmodelo #num\b|\b(?:nif|nipc|cnpj|inscricao estadual|w-?9)\b`,
        rx`\b(?:preencher|assinar|completar|devolver)\b${GAP}\b(?:formulario|ficha|questionario|modelo)\b`,
      ],
      weak: [rx`\b(?:formulario|certificado|declaracao|fiscal)\w*`],
    },
    contact_update: {
      strong: [
        rx`\b(?:saphety|peppol|edi|fatura(?:cao|s)? eletronica\w*|portal de fornecedores)\b|\bnova (?:empresa|entidade|sociedade|denominacao)\b|\bsubstituo\b|\bmorada\b${GAP}\bmudou\b`,
        rx`\b(?:nov[oa]s?|alteracao (?:de|do|da)|mudanca (?:de|do|da)|atualizacao (?:de|do|da)|atualizar|alterar|actualizar|mudar)\b${GAP}\b(?:morada|endereco|e-?mail|contacto|contato|destinatario|caixa)\w*`,
        rx`\b(?:enviar|enviem|mandar|encaminhar|direcionar)\b${GAP}\b(?:faturas|extratos|lembretes|correspondencia)\b${GAP}(?:#email|\bnov[oa]\b|\bseguinte\b)`,
        rx`\b(?:remover|retirar|eliminar|excluir|removam|retirem)\b${LONG_GAP}\b(?:lista|contactos?|contatos?|destinatarios?|copia|distribuicao)\b`,
        rx`\bja nao (?:trabalha|faz parte|esta)\b|\bsaiu da empresa\b|\bmudamos de (?:morada|endereco|instalacoes)\b|\bacrescentar\b${GAP}\b(?:em copia|em cc|como contacto)\b`,
      ],
      weak: [rx`\b(?:morada|endereco|contacto|contato)\b`, rx`#email`, rx`\b(?:a partir de|doravante|daqui em diante)\b`],
    },
    auto_reply: {
      strong: [
        rx`\b(?:estou|estarei|encontro-me) (?:ausente|fora do escritorio|de ferias|em ferias|de licenca|em viagem)\b|\bfora do escritorio\b`,
        rx`\bdurante a minha ausencia\b|\bao meu regresso\b|\bquando regressar\b|\bno meu retorno\b`,
        rx`\b(?:resposta|mensagem) automatica\b|\bgerad[oa] automaticamente\b|\bnao responda\b|\bnao responder\b`,
        rx`\bnao (?:foi possivel|pode ser) entreg\w*|\bnao entregue\b|\bdestinatario desconhecido\b|\bcaixa (?:de correio )?cheia\b`,
        rx`\bfoi lida\b|\bconfirmacao de leitura\b`,
        rx`\brecebemos a sua (?:mensagem|solicitacao|e-?mail)\b${LONG_GAP}\b(?:respond|trat|contact)\w*|\bnumero (?:do|de) (?:ticket|pedido|processo)\b`,
      ],
      weak: [rx`\burgente\b`],
    },
    other: {
      strong: [
        rx`\b(?:cancelar subscricao|descadastrar|newsletter|webinar|teste gratis|oferta especial|clique aqui|demonstracao|demo)\b|\ba nossa (?:plataforma|solucao|ferramenta)\b`,
        rx`\b(?:prazo de entrega|disponibilidade|em stock|em estoque|catalogo|ficha tecnica|fazer (?:uma )?encomenda|nova encomenda|novo pedido)\b`,
      ],
      weak: [rx`\b(?:orcamento|cotacao|precos?)\b`, rx`\b(?:obrigad[oa]|perfeito|otimo|recebido)\b`],
    },
  },
  acknowledgements: [
    rx`\b(?:obrigad[oa]s?|muito obrigad[oa]|agradeco|agradecemos)(?: desde ja)?,? (?:pel[oa]s?|por)\b(?! (?:a sua|sua) (?:mensagem|solicitacao))[^.!?\n]*`,
    rx`(?:^|[.!?\n]) *(?:recebido,? obrigad[oa]|bem recebid[oa]s?|recebid[oa]s? com sucesso)\b`,
    rx`\brecebemos (?:o vosso |a vossa |o seu |a sua |o |a )?(?:extrato|lembrete|fatura|aviso)\b`,
  ],
  requests: [
    rx`\bpor favor\b|\bpor gentileza\b|\bse faz favor\b`,
    rx`\b(?:poderiam|podem|podia|poderia|pode)\b`,
    rx`\b(?:solicitamos|solicito|precisamos|preciso|agradecia|agradeciamos|agradecemos o envio|pedimos)\b`,
  ],
};
