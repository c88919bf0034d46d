/* gazetteer_data.S - links the name lists (data/gazetteer.tsv, made by
 * data/gen_gazetteer.sh) into the binary as read-only bytes. */
        .section .rodata
        .globl xc_gaz_data_start
        .globl xc_gaz_data_end
xc_gaz_data_start:
        .incbin "data/gazetteer.tsv"
xc_gaz_data_end:
        .section .note.GNU-stack,"",@progbits
