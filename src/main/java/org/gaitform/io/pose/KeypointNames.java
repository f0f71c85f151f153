package org.gaitform.io.pose;

import java.util.List;

/** The keypoint names of the pose estimators whose outputs gaitform reads. */
public final class KeypointNames {
    private KeypointNames() {
    }

    /** OpenPose BODY_25, in the order of {@code pose_keypoints_2d} (heels 21/24, big toes 19/22). */
    public static final List<String> BODY_25 = List.of("Nose", "Neck", "RShoulder", "RElbow", "RWrist", "LShoulder",
            "LElbow", "LWrist", "MidHip", "RHip", "RKnee", "RAnkle", "LHip", "LKnee", "LAnkle", "REye", "LEye", "REar",
            "LEar", "LBigToe", "LSmallToe", "LHeel", "RBigToe", "RSmallToe", "RHeel");

    /** MediaPipe BlazePose, 33 landmarks in index order (heels 29/30, foot index 31/32). */
    public static final List<String> BLAZEPOSE = List.of("nose", "left_eye_inner", "left_eye", "left_eye_outer",
            "right_eye_inner", "right_eye", "right_eye_outer", "left_ear", "right_ear", "mouth_left", "mouth_right",
            "left_shoulder", "right_shoulder", "left_elbow", "right_elbow", "left_wrist", "right_wrist", "left_pinky",
            "right_pinky", "left_index", "right_index", "left_thumb", "right_thumb", "left_hip", "right_hip",
            "left_knee", "right_knee", "left_ankle", "right_ankle", "left_heel", "right_heel", "left_foot_index",
            "right_foot_index");

    /** True when most of {@code names} are BlazePose landmark names. */
    static boolean looksLikeBlazePose(List<String> names) {
        long n = names.stream().filter(s -> BLAZEPOSE.contains(s.toLowerCase(java.util.Locale.ROOT))).count();
        return n >= 6 && n >= names.size() / 2;
    }

    /** True when most of {@code names} are BODY_25 keypoint names. */
    static boolean looksLikeBody25(List<String> names) {
        long n = names.stream().filter(BODY_25::contains).count();
        return n >= 6 && n >= names.size() / 2;
    }
}
