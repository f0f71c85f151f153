/**
 * A decoder of Garmin's binary FIT format written for gaitform (the FIT SDK's licence forbids
 * redistribution): {@link org.gaitform.io.fit.FitDecoder} turns bytes into
 * {@link org.gaitform.io.fit.FitMessage}s using the profile subset in {@link org.gaitform.io.fit.FitProfile};
 * nothing here knows about running. {@code io.watch} turns the messages into a watch recording.
 */
package org.gaitform.io.fit;
