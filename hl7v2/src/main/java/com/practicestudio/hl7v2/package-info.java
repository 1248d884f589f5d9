/** placeholder */
package com.practicestudio.hl7v2;
