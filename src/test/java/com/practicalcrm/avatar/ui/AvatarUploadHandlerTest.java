package com.practicalcrm.avatar.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

import com.practicalcrm.avatar.AvatarFixtures;
import com.practicalcrm.avatar.AvatarImageProcessor;
import com.practicalcrm.avatar.AvatarSize;
import com.practicalcrm.avatar.ProcessedAvatar;
import com.vaadin.flow.server.VaadinServletResponse;

/** The answer to an accepted upload: the preview, sent before the smaller sizes are made. */
class AvatarUploadHandlerTest {

    @Test
    void answerIsThePreviewAndIsSentBeforeTheSmallerSizesAreMade() throws java.io.IOException {
        ProcessedAvatar accepted = new AvatarImageProcessor().process(AvatarFixtures.jpeg(800, 600));
        List<String> events = new ArrayList<>();
        MockHttpServletResponse http = new MockHttpServletResponse() {
            @Override
            public void setCommitted(boolean committed) {
                // The writer's flush commits the answer: what is sent now is what the browser gets at once.
                if (committed && !isCommitted()) {
                    events.add("answer sent (" + getContentLength() + " bytes, all sizes made: "
                            + accepted.allSizesMade() + ")");
                }
                super.setCommitted(committed);
            }
        };

        AvatarUploadHandler.answerWithPreview(new VaadinServletResponse(http, null), accepted);

        String preview = AvatarUploadHandler.previewUrl(accepted);
        assertThat(events).containsExactly("answer sent (" + preview.length() + " bytes, all sizes made: false)");
        assertThat(http.getStatus()).isEqualTo(200);
        assertThat(http.getContentAsString()).isEqualTo(preview).matches(AvatarUploadHandler.PREVIEW_PATTERN);
        assertThat(accepted.allSizesMade()).as("made once the answer is sent").isTrue();
        assertThat(accepted.image(AvatarSize.SMALL).side()).isEqualTo(AvatarSize.SMALL.pixels());
    }
}
