"""Reads a .pptx with python-pptx, a reader we did not write, and prints what it found as JSON:
the slide size and, for each slide, its title, every paragraph's text (inside groups too), and
how many groups, pictures and free-form shapes (paths) it has. Used by src-tauri/tests/deck.rs.
"""
import json
import sys

from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE


def flat(shapes):
    for shape in shapes:
        if shape.shape_type == MSO_SHAPE_TYPE.GROUP:
            yield from flat(shape.shapes)
        else:
            yield shape


def main(path):
    deck = Presentation(path)
    slides = []
    for slide in deck.slides:
        shapes = list(flat(slide.shapes))
        texts = [p.text for s in shapes if s.has_text_frame for p in s.text_frame.paragraphs if p.text]
        slides.append(
            {
                "title": slide.shapes.title.text if slide.shapes.title is not None else None,
                "texts": texts,
                "groups": sum(1 for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.GROUP),
                "pictures": sum(1 for s in shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE),
                "paths": sum(1 for s in shapes if s.shape_type == MSO_SHAPE_TYPE.FREEFORM),
                "text_boxes": sum(1 for s in shapes if s.shape_type == MSO_SHAPE_TYPE.TEXT_BOX),
            }
        )
    json.dump({"width": deck.slide_width, "height": deck.slide_height, "slides": slides}, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1])
