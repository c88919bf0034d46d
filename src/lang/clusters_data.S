/* clusters_data.S - links the word classes (data/clusters.tsv, made by
 * data/gen_clusters.sh) into the binary as read-only bytes. */
        .section .rodata
        .globl xc_clusters_data_start
        .globl xc_clusters_data_end
xc_clusters_data_start:
        .incbin "data/clusters.tsv"
xc_clusters_data_end:
        .section .note.GNU-stack,"",@progbits
