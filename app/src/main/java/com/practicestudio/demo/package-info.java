/**
 * The {@code demo} command's traffic: with the built-in Cerner sandbox running beside the server
 * (see {@code cli.DemoCommand}), it sets the sandbox up as a Cerner domain and as the HL7 peer,
 * then makes data flow both ways through the same services and journal as production traffic — HL7
 * messages from the sandbox into the default listener, FHIR patient imports and result pulls, an
 * appointment delta sync, a booking on a Cerner slot (out over Millennium and as an SIU) and a
 * vital sign sent to Cerner. A small batch of HL7 messages follows at an interval, so the console
 * keeps moving. Only active when {@code practice-studio.demo.enabled} is true.
 */
package com.practicestudio.demo;
