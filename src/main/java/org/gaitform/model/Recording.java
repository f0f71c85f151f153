package org.gaitform.model;

import java.util.List;

/**
 * What a reader produces from one input: IMU samples, pose keypoints or watch records. Every
 * recording keeps the decisions the reader took and the warnings it raised.
 */
public interface Recording {
    /** The input as given (path relative to where the user pointed, or the file name). */
    String source();

    /** Choices the reader made (separator, units, time base, …). */
    List<Decision> decisions();

    /** Problems worth telling that did not stop the read. */
    List<String> warnings();
}
