// Spanish cue phrases (folded; see types.ts), Spain and Latin America.
import { GAP, LONG_GAP, REF, rx } from './rx.js';
import type { LanguageLexicon } from './types.js';

const FACTURA = String.raw`(?:\bfacturas?\b|\bfact\b|\bcfdi\b|${REF})`;
const PAGO = String.raw`(?:\b(?:pagos?|transferencias?|cheques?|depositos?|abonos?)\b|#amt)`;

export const es: LanguageLexicon = {
  intents: {
    invoice_copy: {
      strong: [
        rx`\b(?:copias?|duplicados?|pdfs?|reimpresion|segunda via)\b${GAP}${FACTURA}`,
        rx`${FACTURA}${GAP}\b(?:copias?|duplicados?|en pdf|pdf y xml|xml)\b`,
        rx`\b(?:reenvi|volver a enviar|enviar de nuevo|enviar nuevamente|reenvi)\w*`,
        rx`\b(?:solicit\w*|pedimos)\b${GAP}\benvio\b${GAP}${FACTURA}`,
        rx`\b(?:nunca|no) (?:recibimos|recibi|llego|nos llego|me llego)\b${GAP}${FACTURA}|${FACTURA}${GAP}\b(?:otra vez|de nuevo|nuevamente)\b|\b(?:otra vez|de nuevo|nuevamente)\b${GAP}${FACTURA}`,
        rx`\bno (?:hemos|he) (?:recibido|encontrado|localizado)\b${GAP}${FACTURA}|\bno (?:encontramos|encuentro|localizamos|logro encontrar)\b${GAP}${FACTURA}`,
        rx`\bfacturas? (?:faltantes?|extraviadas?|perdidas?)\b|\bnos faltan?\b${GAP}${FACTURA}`,
      ],
      weak: [rx`\b(?:enviar|enviarnos|enviarme|mandar|mandarnos|compartir|necesitamos|necesito)\b${GAP}${FACTURA}`, rx`\bfacturas?\b`, rx`\badjunt\w*`],
    },
    balance_statement: {
      strong: [
        rx`\bestados? de cuenta\b|\bextracto de (?:la )?cuenta\b|\brelacion de (?:facturas|saldos|partidas)\b`,
        rx`\bsaldo (?:actual|pendiente|de (?:la |nuestra )?cuenta|abierto|vencido)\b|\b(?:saldo|adeudo) (?:total|al dia)\b`,
        rx`\b(?:partidas|facturas|documentos) (?:abiertas|pendientes|vencidas|por pagar|sin pagar)\b|\bantiguedad de saldos\b|\bcartera (?:vencida|pendiente)\b`,
        rx`\bcuanto (?:les )?(?:debemos|debo|adeudamos)\b|\bque (?:tenemos|hay) pendiente\b`,
        rx`\b(?:que|cuales) facturas\b${GAP}\b(?:pendientes?|abiertas?|vencidas?|sin pagar)\b`,
      ],
      weak: [rx`\bsaldos?\b`, rx`\b(?:pendientes?|vencid[oa]s?|adeudo)\b`, rx`\b(?:conciliacion|conciliar)\b|\bnotas? de credito (?:sin aplicar|pendientes?)\b`],
    },
    payment_status: {
      strong: [
        rx`\b(?:estatus|status|estado|situacion) (?:de|del) (?:pago|los pagos|pagos|la transferencia|nuestro pago|nuestros pagos)\b|\bconfirm\w*\b${LONG_GAP}${PAGO}${LONG_GAP}\b(?:recibid|aplicad|acreditad|registrad|identificad|reflejad)\w*|\b(?:ya )?(?:se )?(?:reflejo|quedo aplicad\w*|quedo registrad\w*)\b${GAP}(?:${PAGO}|\?)|\b(?:identificaron|ubicaron|localizaron)\b${GAP}(?:${PAGO}|\bcomprobante\b)`,
        rx`\bconfirm\w*\b${LONG_GAP}\b(?:recepcion|recibido|recibieron|aplicacion|aplicado|aplicaron|acreditado|registrado|ingreso|llego)\b(?=${LONG_GAP}${PAGO})|${PAGO}${LONG_GAP}\bconfirm\w*\b${GAP}\b(?:recepcion|recibido|recibieron|llego|aplicado)\b`,
        rx`\b(?:recibieron|han recibido|ya recibieron|les llego|les ha llegado)\b${GAP}${PAGO}|${PAGO}${GAP}\b(?:recibido|aplicado|acreditado|registrado|llego)\b[^.!\n]{0,30}\?`,
        rx`\b(?:a|en) (?:que|cuales) facturas?\b${GAP}\b(?:aplic|correspond|cubr|pag)\w*|\b(?:que|cuales) facturas?\b${GAP}\b(?:cubre|cubrio|paga|pago|aplic)\w*`,
        rx`\bestado (?:del|de nuestro) (?:pago|transferencia)\b|\bcomo (?:se )?(?:aplico|aplicaron|registro)\b`,
        rx`\b(?:sigue|siguen|aparece|aparecen|figura|figuran) (?:como )?(?:abiertas?|pendientes?|vencidas?|sin pagar|impagad[oa]s?)\b`,
      ],
      weak: [rx`\b(?:recibido|recepcion|aplicado|acreditado|registrado)\b`, rx`\bpagos?\b`, rx`\bconfirm\w*\b${GAP}\b(?:recepcion|recibido|llego)\b`],
    },
    remittance_advice: {
      strong: [
        rx`\b(?:pago|dinero|transferencia|fondos|cheque)\b${GAP}\b(?:va en camino|en camino|salio|ha salido|salieron)\b|\bfecha valor\b|\b(?:pagad[oa]|abonad[oa]) (?:con|por|mediante) (?:tarjeta|transferencia|cheque)\b`,
        rx`\bpago parcial\b|\bremesa de pagos?\b|\b(?:les )?(?:enviamos|mandamos) el (?:dinero|pago)\b|\bhicimos (?:una |la )?transferencia\b`,
        rx`\baviso de (?:pago|transferencia)\b|\b(?:comprobante|justificante|detalle|constancia|prueba) (?:de|del) (?:pago|transferencia|deposito)\b|\bcomplemento de pago\b`,
        rx`\b(?:hemos|he|ya|acabamos de)\s?(?:realizado|efectuado|enviado|pagado|transferido|liquidado|depositado|programado|emitido|hecho)\b`,
        rx`\b(?:realizamos|efectuamos|enviamos|pagamos|transferimos|liquidamos|depositamos|programamos)\b${GAP}(?:${PAGO}|${FACTURA})`,
        rx`\b(?:pago|transferencia|cheque|deposito)\b${GAP}\b(?:fue|ha sido|sera|esta) (?:realizad|efectuad|enviad|programad|emitid|liberad)\w*`,
        rx`\b(?:pagaremos|liquidaremos|transferiremos|realizaremos el pago)\b|\bprogramad[oa]s? para (?:pago|el pago)\b`,
        rx`\b(?:adjunto|adjuntamos|les envio|les enviamos)\b${GAP}\b(?:comprobante|aviso|detalle|justificante|complemento)\b`,
      ],
      weak: [rx`\b(?:pagad[oa]s?|liquidad[oa]s?|transferid[oa]s?)\b`, rx`\b(?:transferencia|cheque|deposito)\b`],
    },
    dispute: {
      strong: [
        // A price or charge disagreement without a dispute word.
        rx`\bno (?:venia|venian|estaba|estaban|aparecia|aparecian|figuraba|figuraban|incluid[oa]s?) (?:en|dentro de) (?:la|el) (?:cotizacion|oferta|presupuesto|contrato|orden de compra|pedido)\b`,
        rx`\b(?:mas|mayor) (?:de lo|que lo|que el precio|al precio)\b${GAP}\b(?:cotiz|acord|pact|quedamos|conven|negoci|ofrec)\w*|\bno es el precio\b|\bprecios? (?:que (?:quedamos|acordamos|pactamos|nos cotiz\w*)|pactad|cotizad|convenid)\w*|\b(?:corrij|correg|rectifiqu)\w*${GAP}\bantes de pagar\w*|\b(?:cobraron|facturaron|cobrado|facturado)\b${LONG_GAP}\b(?:en lugar de|en vez de)\b`,
        rx`\bsolo (?:pedimos|recibimos|llegaron)\b|\b(?:devolvimos|devuelt[oa]s)\b${LONG_GAP}\bfactur\w*|\b(?:precio|tarifa|lo) acordad[oa]\b|\bintracomunitari\w*|\binversion del sujeto pasivo\b|\bmisma (?:entrega|mercancia|remesa)\b|\b(?:emitan|emitir|generar)\b${GAP}\babono\b`,
        rx`\b(?:disput|reclam|inconformidad|desacuerdo|objet|impugn)\w*`,
        rx`\b(?:error|erroneo|incorrect|equivocad|no coincide|no corresponde|mas alto|superior)\w*${GAP}\b(?:precio|importe|monto|cantidad|tarifa|iva|impuesto|total|flete|descuento|factura)\w*`,
        rx`\b(?:precio|importe|monto|cantidad|tarifa|iva|impuesto|flete|descuento)\w*${GAP}\b(?:erroneo|incorrect|equivocad|no coincide|no corresponde|mas alto|diferente|distinto)\w*`,
        rx`\b(?:facturad[oa]s?|cobrad[oa]s?|facturaron|cobraron) (?:dos veces|por duplicado|doble)\b|\b(?:esta|estan|es) duplicad[oa]s?\b|\bdoble (?:facturacion|cobro)\b|\bfactura duplicada\b`,
        rx`(?<!\b(?:archivo|fichero|adjunto|pdf|documento)s? (?:(?:adjunto|anexo|pdf) )?(?:(?:esta|estaba|venia|vino|llego|parece|parece estar|ha llegado) )?)\b(?:danad|roto|rota|defectuos|faltantes?|no (?:fue |ha sido )?entregad|nunca (?:llego|recibimos la mercancia))\w*`,
        rx`\bnotas? de credito\b${GAP}\b(?:emitir|enviar|generar|solicit)\w*|\b(?:emitir|emitan|generar|solicitamos|necesitamos)\b${GAP}\bnota de credito\b`,
        rx`\b(?:descontad|descontamos|deducid|deducimos|retenid|retuvimos)\w*|\bno (?:aceptamos|estamos de acuerdo|reconocemos)\b`,
      ],
      weak: [rx`\b(?:precio|cotizacion|descuento|credito|reembolso|flete|correccion|cancelar|cancelacion)\w*`],
    },
    tax_form_request: {
      strong: [
        rx`\b(?:formulario|ficha|alta|registro) (?:de )?(?:proveedor|proveedores|acreedor)\w*|\balta de proveedor\b`,
        rx`\b(?:carta|certificado|constancia|confirmacion) (?:bancari[oa]|de (?:la )?(?:cuenta )?banc\w*|de titularidad)\b`,
        rx`\b(?:certificado|constancia) (?:de )?(?:residencia fiscal|situacion fiscal|exencion|retenciones)\b|\b(?:rfc|nif|cif|numero de identificacion fiscal|w-?9)\b|\bcedula fiscal\b|\bopinion de cumplimiento\b`,
        rx`\b(?:llenar|rellenar|completar|firmar|diligenciar)\b${GAP}\b(?:formulario|ficha|cuestionario|formato)\b`,
      ],
      weak: [rx`\b(?:formulario|certificado|constancia|fiscal|formato)\w*`],
    },
    contact_update: {
      strong: [
        rx`\b(?:face|peppol|edi|factura electronica|facturacion electronica|portal de proveedores)\b|\bnueva (?:sociedad|empresa|entidad|razon social)\b|\bsustituyo\b`,
        rx`\b(?:nuev[oa]s?|cambio de|actualizacion de|actualizar|cambiar|modificar|modifiquen|actualicen)\b${GAP}\b(?:direccion|domicilio|correo|e-?mail|contacto|destinatario|buzon)\w*`,
        rx`\b(?:enviar|envien|mandar|manden|dirigir|remitir)\b${GAP}\b(?:facturas|estados de cuenta|recordatorios|correspondencia)\b${GAP}(?:#email|\bnuev[oa]\b|\bsiguiente\b)`,
        rx`\b(?:eliminar|quitar|borrar|dar de baja|eliminen|quiten)\b${LONG_GAP}\b(?:lista|contactos?|destinatarios?|copia|distribucion)\b`,
        rx`\bya no (?:trabaja|labora|forma parte|esta con nosotros)\b|\bdejo (?:la|de trabajar en la) empresa\b`,
        rx`\b(?:direccion|domicilio|correo)\w*${GAP}\b(?:cambia|cambiara|ha cambiado)\b|\bnos (?:hemos )?mudado\b|\bnuestra nueva\b|\bagregar\b${GAP}\b(?:en copia|como contacto)\b`,
      ],
      weak: [rx`\b(?:direccion|domicilio|contacto)\b`, rx`#email`, rx`\b(?:a partir de|en adelante|de ahora en adelante)\b`],
    },
    auto_reply: {
      strong: [
        rx`\b(?:estoy|me encuentro|estare) (?:fuera de la oficina|ausente|de vacaciones|de viaje|de permiso|fuera)\b|\bfuera de la oficina\b`,
        rx`\bdurante mi ausencia\b|\ba mi regreso\b|\bcuando regrese\b`,
        rx`\b(?:respuesta|mensaje|acuse) automatic\w*|\bgenerado automaticamente\b|\bno responda\b|\bno responder\b`,
        rx`\bno (?:se )?(?:pudo|ha podido) (?:ser )?entregar\w*|\bno entregado\b|\bdestinatario desconocido\b|\bbuzon lleno\b|\berror de entrega\b`,
        rx`\bfue leido\b|\bconfirmacion de lectura\b`,
        rx`\bhemos recibido su (?:mensaje|correo|solicitud)\b${LONG_GAP}\b(?:atender|responder|procesar|contactar)\w*|\bnumero de (?:ticket|caso|solicitud)\b`,
      ],
      weak: [rx`\burgente\b`],
    },
    other: {
      strong: [
        rx`\b(?:darse de baja|newsletter|boletin|webinar|prueba gratis|oferta especial|haga clic|demostracion|demo)\b|\bnuestra (?:plataforma|solucion|herramienta)\b`,
        rx`\b(?:tiempo de entrega|disponibilidad|en existencia|catalogo|ficha tecnica|hacer un pedido|nuevo pedido|seguimiento del pedido)\b`,
      ],
      weak: [rx`\b(?:cotizacion|precios?)\b${GAP}\b(?:para|de)\b`, rx`\b(?:gracias|perfecto|excelente|recibido)\b`],
    },
  },
  acknowledgements: [
    rx`\b(?:gracias|muchas gracias|mil gracias|les agradezco|le agradezco|agradecemos)(?: mucho)?,? (?:por)\b(?! su (?:mensaje|correo|solicitud))[^.!?\n]*`,
    rx`(?:^|[.!?\n]) *(?:recibido,? gracias|bien recibido|ya lo recibi|ya las recibi|ya los recibi|ya la recibi)\b`,
    rx`\b(?:hemos|he) recibido (?:su|sus|el|la|los|las) (?:estado de cuenta|recordatorio|factura|aviso)s?\b`,
  ],
  requests: [
    rx`\bpor favor\b|\bfavor de\b|\bporfa\b`,
    rx`\b(?:podrian|podria|pueden|puede|pudieran|pudiera)\b`,
    rx`\b(?:necesitamos|necesito|solicitamos|solicito|requerimos|requiero|agradeceria|agradeceriamos|les pido|le pido)\b`,
  ],
};
