/** A small JSON parser shared by the readers of JSON inputs (OpenPose per-frame files). */
package org.gaitform.io.json;
