/**
 * From keypoints and markers to a body in motion: which input point is which body landmark
 * ({@link org.gaitform.kinematics.LandmarkMapping}), hip joint centres from pelvic markers
 * ({@link org.gaitform.kinematics.Harrington2007HipJointCentre}), gap filling and smoothing, and the body
 * frame — vertical, direction of travel, view (sagittal, frontal, 3D), unit and calibration, treadmill or
 * overground ({@link org.gaitform.kinematics.BodyFrame}). No gait events here: those are in
 * {@code events}.
 */
package org.gaitform.kinematics;
